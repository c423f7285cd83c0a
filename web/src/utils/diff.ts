// What changed between two versions of a record, field by field, for the history views.

export interface Change {
  key: string
  before: unknown
  after: unknown
}

const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by'])

function same(a: unknown, b: unknown): boolean {
  const norm = (x: unknown) => (x === undefined || x === '' ? null : x)
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/** Changed keys in first-seen order; a create lists every set field, a delete every stored one. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Change[] {
  const keys: string[] = []
  for (const k of [...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
    if (!keys.includes(k) && !BOOKKEEPING.has(k) && !k.endsWith('_label')) keys.push(k)
  const changes: Change[] = []
  for (const key of keys) {
    const b = before?.[key]
    const a = after?.[key]
    if (!same(b, a)) changes.push({ key, before: b ?? null, after: a ?? null })
  }
  return changes
}

/** Audit rows carry before/after as JSON text; "" or invalid text is no record. */
export function parseJsonRecord(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null
  try {
    const v = JSON.parse(text)
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}
