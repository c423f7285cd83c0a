// ECharts with only what the console draws: bar and line charts, grid, tooltip, legend, and
// the canvas renderer. Everything else stays out of the bundle.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { echarts }
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0]
