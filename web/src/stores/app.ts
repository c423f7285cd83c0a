// Layout state: the side menu (collapsed on narrow screens) and the language.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { setLocale, type Locale } from '@/i18n'

export const useAppStore = defineStore('app', () => {
  const collapsed = ref(window.innerWidth < 992)
  const locale = ref<Locale>((localStorage.getItem('shanhai.locale') as Locale) || 'zh-CN')
  setLocale(locale.value)

  function toggleMenu() {
    collapsed.value = !collapsed.value
  }
  function switchLocale(next: Locale) {
    locale.value = next
    localStorage.setItem('shanhai.locale', next)
    setLocale(next)
  }
  return { collapsed, locale, toggleMenu, switchLocale }
})
