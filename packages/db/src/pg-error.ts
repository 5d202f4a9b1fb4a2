/** The PostgreSQL error a driver raised, found through drizzle's wrapping (`cause` chain). */
export interface PgErrorInfo {
  /** SQLSTATE, e.g. `23505` unique_violation, `23503` foreign_key_violation, `23514` check_violation. */
  code: string
  constraint?: string
}

/**
 * Finds the PostgreSQL error behind a failed query, for both PGlite and postgres.js.
 * @example if (pgError(e)?.code === '23505') throw conflict()
 */
export function pgError(error: unknown): PgErrorInfo | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint, constraint_name } = e as {
      code?: unknown
      constraint?: unknown
      constraint_name?: unknown
    }
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const name = constraint ?? constraint_name
      return typeof name === 'string' ? { code, constraint: name } : { code }
    }
  }
  return undefined
}

/** postgres.js's own codes for a connection that failed or went away, and Node's socket errors. */
const connectionCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * SQLSTATEs of a server that is unreachable or going away rather than of a wrong query: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting
 * down), 53300 too_many_connections.
 */
const isUnavailableState = (code: string) => code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300'

/**
 * The code (`ECONNREFUSED`, `57P03` …) that shows a failed query failed because the database could not be reached
 * (down, restarting, connection lost), found through drizzle's wrapping; undefined for a query the database refused.
 * @example log('database unreachable', { reason: connectionErrorCode(e) })
 */
export function connectionErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  const visit = (e: unknown, depth: number): string | undefined => {
    if (!e || typeof e !== 'object' || depth > 5 || seen.has(e)) return undefined
    seen.add(e)
    const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown }
    if (
      typeof code === 'string' &&
      (connectionCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)))
    )
      return code
    // Node reports a refused connection to every address of a host as an AggregateError of the attempts
    if (Array.isArray(errors))
      for (const inner of errors) {
        const found = visit(inner, depth + 1)
        if (found) return found
      }
    return visit(cause, depth + 1)
  }
  return visit(error, 0)
}

/**
 * Whether a failed query failed because the database could not be reached, as opposed to a query the database
 * refused: the request may succeed when tried again later.
 * @example if (isConnectionError(e)) return c.json(unavailable, 503)
 */
export const isConnectionError = (error: unknown): boolean => connectionErrorCode(error) !== undefined
