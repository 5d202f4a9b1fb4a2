import type { MiddlewareHandler } from 'hono'
import { headerIssues, invalidRequest, pathIssues, queryIssues } from './clean-input'

/**
 * Refuses, before anything reads them, a path, query string or read header with malformed percent-encoding,
 * control characters or bytes that are no text (400 at `/path`, `/query/<name>`, `/headers/<name>`).
 */
export const inputGuard: MiddlewareHandler = async (c, next) => {
  const url = c.req.url
  const start = url.indexOf('/', url.indexOf('//') + 2)
  const queryAt = url.indexOf('?', start)
  const hashAt = url.indexOf('#', start)
  const end = hashAt < 0 ? url.length : hashAt
  const rawPath = url.slice(start, queryAt < 0 ? end : queryAt)
  const rawQuery = queryAt < 0 ? '' : url.slice(queryAt + 1, end)
  const issues = [...pathIssues(rawPath), ...queryIssues(rawQuery), ...headerIssues((name) => c.req.header(name))]
  if (issues.length) throw invalidRequest(issues)
  await next()
}
