// v-permission="'exchange:visits:create'" (or an array: all required) removes the element
// when the user lacks the permission. Hiding is a courtesy; the server enforces.
import type { Directive } from 'vue'
import { useAuthStore } from '@/stores/auth'

export const permission: Directive<HTMLElement, string | string[]> = {
  mounted(el, binding) {
    const wanted = Array.isArray(binding.value) ? binding.value : [binding.value]
    if (!useAuthStore().can(...wanted)) el.parentNode?.removeChild(el)
  },
}
