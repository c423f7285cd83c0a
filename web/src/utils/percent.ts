// The one way the console shows a percentage — a completion rate, a rate indicator: two decimals
// and the sign right after the number, no space, no grouping ("262.50%"), as the server's report
// writes it (src/common/percent.h). "—" for no value (no target for the period, a rate over zero).

/** A percentage (already ×100) rounded half away from zero to two decimals, never "-0.00%". */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—'
  const hundredths = Math.round(Math.abs(percent) * 100)
  return `${percent < 0 && hundredths > 0 ? '-' : ''}${(hundredths / 100).toFixed(2)}%`
}
