// v-typed-date on an el-date-picker (single or range): text typed into its inputs in a Chinese
// or dotted form (2020年5月1日, 2020.5.1, see utils/dates.ts) is rewritten to ISO before the
// picker reads it, on Enter or when the input loses focus, so the picker's own parser (which
// knows only its display format, YYYY-MM-DD) accepts it instead of reverting the text.
import type { Directive } from 'vue'
import { parseTypedDate } from '@/utils/dates'

function normalise(event: Event) {
  const input = event.target
  if (!(input instanceof HTMLInputElement)) return
  if (event instanceof KeyboardEvent && event.key !== 'Enter') return
  const iso = parseTypedDate(input.value)
  if (!iso || iso === input.value) return
  input.value = iso
  // The picker keeps what was typed from its input events: tell it the rewritten text first.
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

const kEvents = ['keydown', 'change', 'blur'] as const

export const vTypedDate: Directive<HTMLElement> = {
  mounted(el) {
    for (const name of kEvents) el.addEventListener(name, normalise, true)
  },
  beforeUnmount(el) {
    for (const name of kEvents) el.removeEventListener(name, normalise, true)
  },
}
