// Markdown → sanitised HTML for the report narrative (marked, then DOMPurify).
import DOMPurify from 'dompurify'
import { marked } from 'marked'

export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true }) as string
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } })
}
