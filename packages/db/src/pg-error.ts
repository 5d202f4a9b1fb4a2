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
