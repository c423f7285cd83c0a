// The wording of a figure scope — whose records the dashboard and the report count when the user
// sees only part of the pair (a town's clerk, an organisation's account) — and of a figure that
// scope cannot count. The server decides both (FigureScope, not_in_scope); this only words them.
import type { FigureScope, NotInScopeReason } from '@/api/indicators/types'
import { isZh } from '@/i18n'
import type { Translate } from './form'
import { placeNameEn } from './placeNames'

/** "统计范围：黔南州平塘县卡蒲毛南族乡", "统计范围：仅甲企业的记录"; "" for the whole pair. In English
 *  a region by its English name where it has one ("Scope: Kapu Maonan Ethnic Township, …"). */
export function scopeNote(scope: FigureScope | null | undefined, t: Translate): string {
  if (!scope?.scope_kind || !scope.scope_name) return ''
  const name = scope.scope_kind === 'region' && !isZh() ? placeNameEn(scope.scope_name) : scope.scope_name
  return t(`dashboard.scope.${scope.scope_kind}`, { name })
}

/** "本范围不统计（台账无所在地）" for a figure not counted for the scope; "" for one that is. */
export function notInScopeHint(figure: { not_in_scope?: boolean; not_in_scope_reason?: NotInScopeReason } | undefined,
  t: Translate): string {
  if (!figure?.not_in_scope) return ''
  return t(`dashboard.scope.${figure.not_in_scope_reason ?? 'no_region_field'}`)
}
