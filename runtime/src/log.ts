import { pgError } from '@motcua/db'

/**
 * One JSON line on stdout (info) or stderr (error). Fields are codes, ids and timings only: never form data, names,
 * ID numbers, phones, PINs, tokens, passwords, or the message of a database error (it lists the query's values).
 * @example log('motcua is running', { url })
 */
export function log(msg: string, fields: Record<string, unknown> = {}, level: 'info' | 'error' = 'info'): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })
  if (level === 'error') console.error(line)
  else console.log(line)
}

const chain = (error: unknown): object[] => {
  const errors: object[] = []
  for (let e = error; e && typeof e === 'object' && errors.length < 5; e = (e as { cause?: unknown }).cause)
    errors.push(e)
  return errors
}

/**
 * What may be logged of an error: its class and, for a database error, the PostgreSQL code and constraint; for
 * other errors the stack frames too (code locations), never the message, which may quote input.
 * @example log('outbox run failed', errorFields(error), 'error')
 */
export function errorFields(error: unknown): Record<string, unknown> {
  const errors = chain(error)
  const pg = pgError(error)
  const database = pg !== undefined || errors.some((e) => 'query' in e && 'params' in e)
  const stack = (error as { stack?: unknown } | null)?.stack
  return {
    error: errors.map((e) => e.constructor?.name ?? 'Error').join(' < ') || typeof error,
    ...(pg ? { pgCode: pg.code, ...(pg.constraint ? { constraint: pg.constraint } : {}) } : {}),
    ...(!database && typeof stack === 'string'
      ? {
          at: stack
            .split('\n')
            .filter((line) => /^\s+at /.test(line))
            .slice(0, 8)
            .map((line) => line.trim()),
        }
      : {}),
  }
}
