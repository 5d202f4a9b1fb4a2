import { DomainError } from '@motcua/core'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Operation } from './openapi'

/** The request bodies the API reads. */
export type MediaType = 'application/json' | 'multipart/form-data'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether a Content-Type header is one of `accepted`: JSON in UTF-8 (the charset may be named), or multipart. */
export function isMediaType(header: string | undefined, accepted: readonly MediaType[]): boolean {
  if (!header) return false
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  if (type === 'application/json' && accepted.includes('application/json'))
    return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p))
  return type === 'multipart/form-data' && accepted.includes('multipart/form-data')
}

const unsupported = (accepted: readonly MediaType[]) =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', {
    vi: accepted.includes('multipart/form-data')
      ? 'Kiểu dữ liệu gửi lên không được hỗ trợ: chỉ nhận JSON (application/json) hoặc biểu mẫu kèm tệp (multipart/form-data).'
      : 'Kiểu dữ liệu gửi lên không được hỗ trợ: chỉ nhận JSON (application/json).',
    en: `Unsupported media type: send ${accepted.join(' or ') || 'no body or application/json'}.`,
  })

/** A 415 unless the request's Content-Type is one of `accepted`. */
export function requireMediaType(c: Context, accepted: readonly MediaType[]): void {
  if (!isMediaType(c.req.header('content-type'), accepted)) throw unsupported(accepted)
}

/**
 * Refuses, before any handler reads it, a body of a type the operation does not document: JSON routes take only
 * `application/json`, uploads `multipart/form-data` too, and body-less operations no body type but JSON. A
 * cross-site form (text/plain, urlencoded) thus never reaches a handler. Undocumented routes (plugins') are
 * left to their handlers.
 */
export function mediaTypeGuard(operations: Operation[]): MiddlewareHandler {
  const accepted = new Map<string, MediaType[]>()
  for (const op of operations) {
    const types: MediaType[] = []
    if (op.body) types.push('application/json')
    if (op.multipart) types.push('multipart/form-data')
    accepted.set(`${op.method.toUpperCase()} ${op.path}`, types)
  }
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const route = matchedRoutes(c).find((r) => accepted.has(`${r.method} ${r.path}`))
      const types = route && accepted.get(`${route.method} ${route.path}`)
      if (types) {
        const header = c.req.header('content-type')
        if (types.length ? !isMediaType(header, types) : header && !isMediaType(header, ['application/json']))
          throw unsupported(types)
      }
    }
    await next()
  }
}
