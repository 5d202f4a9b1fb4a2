import { pgError } from '@motcua/db'
import pino, { type DestinationStream, type Logger } from 'pino'

/** The levels `log` writes at, least to most severe; LOG_LEVEL also takes `silent`. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

// Defence in depth only: fields must never hold personal data in the first place (see `log`).
const REDACTED_KEYS = [
  'password',
  'pin',
  'lookupPin',
  'token',
  'csrfToken',
  'authorization',
  'cookie',
  'secret',
  'idNumber',
  'phone',
  'email',
  'fullName',
  'applicant',
  'formData',
  'payload',
]

function createLogger(destination: DestinationStream, level: LogLevel): Logger {
  return pino(
    {
      level,
      // the process id tells apart the lines of the processes `npm run serve -- --workers N` runs under one unit
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // the label (`"level":"info"`), as the lines have always had it, rather than pino's number
      formatters: { level: (label) => ({ level: label }) },
      // top-level keys only: wildcard paths (`*.pin`) cost ~5 µs more per line, and fields are flat
      redact: { paths: REDACTED_KEYS, censor: '[redacted]' },
    },
    destination,
  )
}

// Lines go to stdout, errors to stderr, through pino's asynchronous destinations: a write to a pipe (how a supervisor
// or a container reads the log) blocks on Linux, and one per request cost the busiest routes measurably. pino
// writes what is still buffered when the process exits.
const standard = (): DestinationStream =>
  pino.multistream(
    [
      { level: 'debug', stream: pino.destination({ fd: 1, sync: false }) },
      { level: 'error', stream: pino.destination({ fd: 2, sync: false }) },
    ],
    { dedupe: true },
  )

let logger = createLogger(standard(), 'info')

/** Sets the least severe level written (LOG_LEVEL; default `info`). */
export function setLogLevel(level: LogLevel): void {
  logger.level = level
}

/**
 * One JSON line (`time`, `level` as a label, `pid`, `msg`, the fields) on stdout, or
 * stderr for errors. Fields are codes, ids and timings only: never form data, names, ID numbers, phones, PINs,
 * tokens, passwords, or the message of a database error (it lists the query's values). Some obvious keys are
 * redacted as a last defence; that is no licence to pass such values.
 * @example log('motcua is running', { url })
 */
export function log(
  msg: string,
  fields: Record<string, unknown> = {},
  level: Exclude<LogLevel, 'silent'> = 'info',
): void {
  logger[level](fields, msg)
}

/**
 * Tests: the lines logged until `stop` is called, parsed, instead of writing them out.
 * @example const captured = captureLog(); …; captured.stop(); expect(captured.lines).toContainEqual(…)
 */
export function captureLog(): { lines: Record<string, unknown>[]; stop(): void } {
  const previous = logger
  const lines: Record<string, unknown>[] = []
  logger = createLogger({ write: (line: string) => lines.push(JSON.parse(line)) }, previous.level as LogLevel)
  return {
    lines,
    stop: () => {
      logger = previous
    },
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
