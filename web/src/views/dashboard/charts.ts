// Chart data from server figures: a figure of 0 (or none) draws no bar and no "0" label, and a
// category with no figure at all is left off the axis.

/** A bar's value: null (nothing drawn) for 0, a missing or a non-numeric figure. */
export function barValue(v: number | string | null | undefined): number | null {
  return typeof v === 'number' && v !== 0 ? v : null
}

/** The categories at least one of whose series has a bar, in their order. */
export function categoriesWithBars<C>(categories: C[], value: (category: C, series: number) => number | null, seriesCount: number): C[] {
  return categories.filter((c) => Array.from({ length: seriesCount }, (_, s) => value(c, s)).some((v) => v !== null))
}
