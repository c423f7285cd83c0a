// Place names in English for English prose (the English report's title, the scope note, the
// issuing office): the demo pair's regions as an English reader writes them. The server's report
// is Chinese only, so this table lives here alone. A name without an entry stays Chinese: a
// wrong romanisation (polyphonic characters, ethnic-township names) would be worse than none.
/** Chinese name, as the console shows it (a region's common name or a pair side's label) → English. */
const kPlaceNamesEn: Record<string, string> = {
  '广东省': 'Guangdong Province',
  '广州市': 'Guangzhou',
  '白云区': 'Baiyun District',
  '广州市白云区': 'Baiyun District, Guangzhou',
  '石门街道': 'Shimen Subdistrict',
  '贵州省': 'Guizhou Province',
  '黔南州': 'Qiannan Prefecture',
  '黔南布依族苗族自治州': 'Qiannan Prefecture',
  '平塘县': 'Pingtang County',
  '黔南州平塘县': 'Pingtang County, Qiannan',
  '卡蒲毛南族乡': 'Kapu Maonan Ethnic Township',
  '黔南州平塘县卡蒲毛南族乡': 'Kapu Maonan Ethnic Township, Pingtang County, Qiannan',
  '甲坝村': 'Jiaba Village',
}

/**
 * A place's English name ("广州市白云区" → "Baiyun District, Guangzhou"), or a pair's by its two
 * sides ("广州市白云区—黔南州平塘县" → "Baiyun District, Guangzhou – Pingtang County, Qiannan"); a
 * name without an entry stays as it is.
 */
export function placeNameEn(name: string): string {
  return name.split('—').map((side) => kPlaceNamesEn[side.trim()] ?? side).join(' – ')
}
