import { writeSync } from 'node:fs'
import { pgError } from '@motcua/db'

// Lines are gathered and written once per turn of the event loop: on Linux a write to a pipe (how a supervisor or a
// container reads the log) blocks, and one per request cost the busiest routes measurably. What is still pending
// when the process exits is written then.
const pending = { out: [] as string[], err: [] as string[] }
let scheduled = false
function flush(): void {
  scheduled = false
  if (pending.out.length) process.stdout.write(`${pending.out.splice(0).join('\n')}\n`)
  if (pending.err.length) process.stderr.write(`${pending.err.splice(0).join('\n')}\n`)
}
process.on('exit', () => {
  if (pending.out.length) writeSync(1, `${pending.out.splice(0).join('\n')}\n`)
  if (pending.err.length) writeSync(2, `${pending.err.splice(0).join('\n')}\n`)
})

/**
 * One JSON line on stdout (info) or stderr (error). Fields are codes, ids and timings only: never form data, names,
 * ID numbers, phones, PINs, tokens, passwords, or the message of a database error (it lists the query's values).
 * @example log('motcua is running', { url })
 */
export function log(msg: string, fields: Record<string, unknown> = {}, level: 'info' | 'error' = 'info'): void {
  ;(level === 'error' ? pending.err : pending.out).push(
    JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }),
  )
  if (!scheduled) {
    scheduled = true
    setImmediate(flush)
  }
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
