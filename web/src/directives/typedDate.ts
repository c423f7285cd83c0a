// v-typed-date on an el-date-picker (single or range): text typed into its inputs in a Chinese
// or dotted form (2020年5月1日, 2020.5.1, see utils/dates.ts) is rewritten to ISO before the
// picker reads it, on Enter or when the input loses focus, so the picker's own parser (which
// knows only its display format, YYYY-MM-DD) accepts it instead of reverting the text.
//
// v-typed-date="keep" also hands each typed day (ISO, with the input it was typed in) to `keep`
// before the picker sees it: the picker silently drops a day it does not offer (an end before its
// start), so a component that must refuse such a day visibly keeps it in its model itself.
import type { Directive } from 'vue'
import { parseTypedDate } from '@/utils/dates'

export type KeepTypedDate = (iso: string, input: HTMLInputElement) => void

const keepers = new WeakMap<HTMLElement, KeepTypedDate | undefined>()

function normalise(this: HTMLElement, event: Event) {
  const input = event.target
  if (!(input instanceof HTMLInputElement)) return
  if (event instanceof KeyboardEvent && event.key !== 'Enter') return
  const iso = parseTypedDate(input.value)
  if (!iso) return
  if (iso !== input.value) {
    input.value = iso
    // The picker keeps what was typed from its input events: tell it the rewritten text first.
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  keepers.get(this)?.(iso, input)
}

const kEvents = ['keydown', 'change', 'blur'] as const

export const vTypedDate: Directive<HTMLElement, KeepTypedDate | undefined> = {
  mounted(el, binding) {
    keepers.set(el, binding.value)
    for (const name of kEvents) el.addEventListener(name, normalise, true)
  },
  updated(el, binding) {
    keepers.set(el, binding.value)
  },
  beforeUnmount(el) {
    keepers.delete(el)
    for (const name of kEvents) el.removeEventListener(name, normalise, true)
  },
}
