export type FieldType =
  | 'text' | 'integer' | 'money_fen' | 'date' | 'enum' | 'bool' | 'region' | 'ref'
  | 'id_number' | 'mobile' | 'sensitive_enum' | 'credit_code'

export interface EnumOption {
  code: string
  label_zh: string
  label_en: string
  /** an added dictionary option switched off: shown for stored records, not offered */
  disabled?: boolean
}

export interface FieldMeta {
  key: string
  label_zh: string
  label_en: string
  type: FieldType
  required: boolean
  computed: boolean
  sensitive: boolean
  /** filtering or sorting by it needs the ledger's reveal permission (sensitive, or derived from a sensitive field) */
  needs_reveal?: boolean
  searchable: boolean
  /** a region that may lie anywhere (a pair's side, an enterprise's origin): picked from the whole tree, not within the pair or the user's scope */
  anywhere?: boolean
  ref_ledger: string
  hint_zh: string
  /** a money field: the unit the form types it in — 元 for a monthly wage, 万元 for funds */
  money_unit?: 'yuan' | 'wan' | ''
  /** the longest input accepted, in characters */
  max_chars?: number
  options: EnumOption[]
}

export interface WorkflowState {
  code: string
  label_zh: string
  label_en: string
  /** no transition leaves it */
  final: boolean
  /** fields a record in this state must carry */
  required: string[]
}

export interface TransitionMeta {
  /** "claim": the path segment of POST <path>/{id}/transitions/<name> */
  name: string
  /** the button: 认领 */
  label_zh: string
  label_en: string
  /** the history line: 由 … 认领 */
  done_zh: string
  done_en: string
  from: string[]
  to: string
  required: string[]
  optional: string[]
  clears: string[]
  permission: string
}

export interface WorkflowMeta {
  /** the field holding the state: read-only in the edit form, changed only by transitions */
  state_field: string
  states: WorkflowState[]
  transitions: TransitionMeta[]
}

export interface LedgerMeta {
  name: string
  module: string
  label_zh: string
  label_en: string
  /** "/api/v1/<module>/<name>" */
  path: string
  date_field: string
  natural_key: string
  pair_scoped: boolean
  fields: FieldMeta[]
  /** the ledger's state machine (null or absent: none) */
  workflow?: WorkflowMeta | null
  /** the parent ledger of a line ledger, whose records are written only with their parent ("" or absent: none) */
  line_of?: string
}

/** One business area of the side menu, as the server declares it (src/domain/ledger/ledger_menu.cc). */
export interface MenuGroupMeta {
  key: string
  label_zh: string
  label_en: string
  /** icon key, mapped to an icon by the console (router/menu.ts) */
  icon: string
  /** one ledger shown directly, without a sub-menu */
  flat: boolean
  /** ledger names, in menu order */
  ledgers: string[]
}

export interface LedgersResponse {
  items: LedgerMeta[]
  menu: MenuGroupMeta[]
}

export interface RegionNode {
  code: string
  name: string
  level: string
  /** the name tables and the import use, where it differs from the official one (甲坝村 for 甲坝村村民委员会) */
  common?: string
  /** an autonomous unit's everyday name (黔南州 for 黔南布依族苗族自治州) */
  everyday?: string
  /** the regions below, when asked for with ?depth */
  children?: RegionNode[]
}

/** A region found by /meta/regions/search. */
export interface RegionHit {
  code: string
  name: string
  level: string
  everyday?: string
  /** as for RegionNode */
  common?: string
  /** as people name it: 黔南州平塘县卡蒲毛南族乡甲坝村 */
  label: string
  /** from the province down to the region, placeholder levels (市辖区) left out, by common names */
  path: { code: string; name: string }[]
}
