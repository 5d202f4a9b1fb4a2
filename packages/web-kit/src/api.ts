import type { Issue, Message } from '@motcua/core'

export type { Issue, Message }

/** An API error: its HTTP status, domain code, message and the issues of each field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: Message,
    readonly issues: Issue[] = [],
  ) {
    super(userMessage.en)
  }
}

const networkError = () =>
  new ApiError(0, 'NETWORK', {
    vi: 'Không kết nối được với hệ thống. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    en: 'Could not reach the server. Please check your connection and try again.',
  })

const CSRF_KEY = 'motcua.csrf'

/** The session's CSRF token (from the login response), kept for this tab only. */
export const csrf = {
  get: (): string | null => sessionStorage.getItem(CSRF_KEY),
  set: (token: string | null) =>
    token ? sessionStorage.setItem(CSRF_KEY, token) : sessionStorage.removeItem(CSRF_KEY),
}

/** Turns an error response into an ApiError. */
export async function toApiError(status: number, body: unknown): Promise<ApiError> {
  const error = (body as { error?: { code?: string; message?: Message; issues?: Issue[] } } | null)?.error
  if (error?.message) return new ApiError(status, error.code ?? 'ERROR', error.message, error.issues ?? [])
  return new ApiError(status, 'ERROR', {
    vi: `Hệ thống trả lỗi ${status}. Vui lòng thử lại.`,
    en: `The server answered ${status}. Please try again.`,
  })
}

/**
 * Calls the runtime's API: JSON in and out, the CSRF header on changes, errors as ApiError.
 * @example const list = await api<ProcedureSummary[]>('/api/procedures?q=khai%20sinh')
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; cache?: RequestCache } = {},
): Promise<T> {
  const method = init.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const token = csrf.get()
  if (method !== 'GET' && token) headers['x-csrf-token'] = token
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(init.cache ? { cache: init.cache } : {}),
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
  } catch {
    throw networkError()
  }
  if (response.status === 204) return undefined as T
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw await toApiError(response.status, body)
  return body as T
}

export { networkError }
