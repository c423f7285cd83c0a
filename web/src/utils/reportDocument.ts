// The parts of the printed report the console adds around the server's text: the issuing
// date as an official document writes it, and the page-number line of the print stylesheet
// (CSS @page margin boxes, which Chromium fills in when printing).

/** "2026年12月1日" (zh) or "1 December 2026" (en). */
export function issuedOn(day: Date, zh: boolean): string {
  if (zh) return `${day.getFullYear()}年${day.getMonth() + 1}月${day.getDate()}日`
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
}

/** The @page rule of an A4 report whose footer reads "第 1 页 共 3 页" (zh) or "Page 1 of 3". */
export function pageRule(zh: boolean, fontFamily: string): string {
  const content = zh
    ? '"第 " counter(page) " 页  共 " counter(pages) " 页"'
    : '"Page " counter(page) " of " counter(pages)'
  return `@media print { @page { size: A4; margin: 25mm 20mm 22mm;
  @bottom-center { content: ${content}; font-family: ${fontFamily}; font-size: 10pt; color: #333; } } }`
}
