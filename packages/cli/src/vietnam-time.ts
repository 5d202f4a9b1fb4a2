import { CliError } from './cli-error'

const OFFSET_MS = 7 * 3_600_000
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** An instant as ISO 8601 in Vietnam time (UTC+07:00), whatever the host timezone. */
export function formatVietnamTime(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS)
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  const millis = local.getUTCMilliseconds()
  return `${date}T${time}${millis ? `.${pad(millis, 3)}` : ''}+07:00`
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** Reads ISO 8601 text; without an offset it is Vietnam time (never the host's timezone). */
export function parseInstant(text: string): Date {
  const m = ISO.exec(text.trim())
  const bad = () =>
    new CliError(`"${text}" không phải thời điểm ISO 8601 hợp lệ`, `"${text}" is not a valid ISO 8601 time`)
  if (!m) throw bad()
  const [, y, mo, d, h = '00', mi = '00', s = '00', ms = '0', zone] = m
  const offset = zone === undefined ? '+07:00' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms.padEnd(3, '0')}${offset}`)
  // Date rolls 31 Feb over to March: compare the fields back in the written offset.
  if (Number.isNaN(date.getTime()) || Number(mo) < 1 || Number(mo) > 12 || Number(d) > daysIn(Number(y), Number(mo)))
    throw bad()
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw bad()
  return date
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
