import { http } from '../../http'
import type { DictionaryEntry, DictionaryEntryInput, DictionaryInfo } from './types'

export const listDictionaries = () => http.get<{ items: DictionaryInfo[] }>('/api/v1/admin/dictionaries')
export const saveDictionaryEntry = (dictionary: string, code: string, input: DictionaryEntryInput) =>
  http.put<DictionaryEntry>(
    `/api/v1/admin/dictionaries/${encodeURIComponent(dictionary)}/${encodeURIComponent(code)}`, input)
