import { DomainError, type DomainErrorCode, type Issue, type Message } from '@motcua/core'
import { isConnectionError } from '@motcua/db'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorFields, log } from '../log'
import { NOT_READY_RETRY_AFTER } from '../routes/health'
import { routePattern } from './access-log'

const statusOf: Record<DomainErrorCode, ContentfulStatusCode> = {
  INVALID_DATA: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
}

/** The HTTP status of a domain error, for an answer that reports several outcomes at once (bulk actions). */
export const httpStatusOf = (code: DomainErrorCode): ContentfulStatusCode => statusOf[code]

/** The one shape every error response has. */
export interface ErrorBody {
  error: { code: string; message: Message; issues?: Issue[] }
}

const internal: Message = {
  vi: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy liên hệ bộ phận một cửa.',
  en: 'Something went wrong on our side. Please try again in a few minutes.',
}

const databaseUnavailable: Message = {
  vi: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Yêu cầu của bạn có thể chưa được ghi nhận; vui lòng thử lại sau ít giây.',
  en: 'The database is unreachable for the moment. Your request may not have been recorded; please try again in a few seconds.',
}
/** One log line per outage, not one per request: the first failure after a quiet minute. */
const UNAVAILABLE_LOG_EVERY_MS = 60_000
let unavailableLoggedAt = Number.NEGATIVE_INFINITY

const body = (code: string, message: Message, issues?: Issue[]): ErrorBody => ({
  error: { code, message, ...(issues?.length ? { issues } : {}) },
})

/**
 * Maps domain errors to HTTP in one place; a database that cannot be reached becomes a 503 with Retry-After (the
 * process recovers by itself when it returns); anything else unexpected becomes a 500 that hides its internals.
 */
export function onError(error: Error, c: Context): Response {
  if (DomainError.is(error)) return c.json(body(error.code, error.userMessage, error.issues), statusOf[error.code])
  if (isConnectionError(error)) {
    const now = Date.now()
    if (now - unavailableLoggedAt > UNAVAILABLE_LOG_EVERY_MS)
      log(
        'database unavailable',
        { requestId: c.get('requestId'), route: routePattern(c), ...errorFields(error) },
        'error',
      )
    unavailableLoggedAt = now
    c.header('Retry-After', String(NOT_READY_RETRY_AFTER))
    return c.json(body('UNAVAILABLE', databaseUnavailable), 503)
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(
      body('INVALID_DATA', { vi: 'Yêu cầu không hợp lệ.', en: error.message || 'Bad request.' }),
      error.status,
    )
  }
  log(
    'unhandled error',
    { requestId: c.get('requestId'), method: c.req.method, route: routePattern(c), ...errorFields(error) },
    'error',
  )
  return c.json(body('INTERNAL', internal), 500)
}

export function onNotFound(c: Context): Response {
  return c.json(body('NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này.', en: 'No such route.' }), 404)
}
