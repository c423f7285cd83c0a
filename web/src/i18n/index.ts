// UI strings in Chinese (default) and English. Data labels (fields, options, ledgers)
// come from the server's label_zh / label_en through `label()`.
import { createI18n } from 'vue-i18n'
import en from './en'
import zh from './zh'

export type Locale = 'zh-CN' | 'en'

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}

export function isZh(): boolean {
  return i18n.global.locale.value.startsWith('zh')
}

/** The label of anything carrying label_zh / label_en, in the current language. */
export function label(x: { label_zh?: string; label_en?: string } | undefined | null): string {
  if (!x) return ''
  return (isZh() ? x.label_zh : x.label_en) || x.label_zh || x.label_en || ''
}

/** A server message pair in the current language. */
export function message(x: { message_zh?: string; message_en?: string }): string {
  return (isZh() ? x.message_zh : x.message_en) || x.message_zh || x.message_en || ''
}
