// The one way the console talks to the server: JSON over /api/v1 with the session cookie,
// the CSRF token on every write, server errors turned into ApiError (with per-field details),
// and a 401 anywhere (except the login call itself) sending the user back to the login page.

export interface FieldErrorDetail {
  row?: number
  field?: string
  message_zh: string
  message_en: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: FieldErrorDetail[] = [],
  ) {
    super(messageEn || messageZh || `HTTP ${status}`)
  }
  /** The message in the console's language. */
  localized(locale: string): string {
    return (locale.startsWith('zh') ? this.messageZh : this.messageEn) || this.messageZh || this.messageEn
  }
}

/** What to tell the user about a failure: the server's message in the console's language, or the error text. */
export function errorText(e: unknown, locale: string): string {
  return e instanceof ApiError ? e.localized(locale) : String(e)
}

/** As errorText, followed by each field's message: a refused list filter says which and why. */
export function errorTextWithDetails(e: unknown, locale: string): string {
  if (!(e instanceof ApiError) || !e.details.length) return errorText(e, locale)
  const zh = locale.startsWith('zh')
  return [errorText(e, locale), ...e.details.map((d) => (zh ? d.message_zh : d.message_en) || d.message_zh)].join(zh ? '；' : '; ')
}

type Query = Record<string, string | number | boolean | null | undefined>

let csrfToken = ''
let onUnauthorized: (() => void) | null = null

export function setCsrfToken(token: string) {
  csrfToken = token
}
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler
}

/** "/api/v1/x?a=1" with empty values left out. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = await response.json()
    const e = body?.error ?? {}
    return new ApiError(response.status, e.code ?? 'http', e.message_zh ?? '', e.message_en ?? '', e.details ?? [])
  } catch {
    return new ApiError(response.status, 'http', `请求失败（${response.status}）`, `request failed (${response.status})`)
  }
}

interface Options {
  query?: Query
  body?: unknown
  /** Do not treat 401 as an expired session (the login form itself). */
  noAuthRedirect?: boolean
}

async function send(method: string, path: string, opts: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) {
    body = opts.body
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器', 'cannot reach the server')
  }
  if (response.ok) return response
  if (response.status === 401 && !opts.noAuthRedirect && onUnauthorized) onUnauthorized()
  throw await errorFrom(response)
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const response = await send(method, path, opts)
  return (await response.json()) as T
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query, noAuthRedirect = false) =>
    request<T>('POST', path, { body, query, noAuthRedirect }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
}

/** The file name from Content-Disposition (RFC 5987 filename* preferred). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1])
  const plain = /filename="([^"]+)"/i.exec(disposition)
  return plain && plain[1] !== 'download' ? plain[1] : fallback
}

/** GETs a file: its bytes and the name the server gives it (else fallbackName). */
export async function fetchFile(path: string, query?: Query, fallbackName = 'download'): Promise<{ blob: Blob; name: string }> {
  const response = await send('GET', path, { query })
  const blob = await response.blob()
  return { blob, name: fileNameFrom(response.headers.get('Content-Disposition'), fallbackName) }
}

/**
 * GETs a file and hands it to the browser as a download, under `name` if given, else the
 * server's name for it, else fallbackName.
 */
export async function download(path: string, query?: Query, fallbackName = 'download', name?: string): Promise<void> {
  const file = await fetchFile(path, query, fallbackName)
  const blob = file.blob
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name ?? file.name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
