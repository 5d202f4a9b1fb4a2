// Vietnam keeps UTC+07:00 all year (no DST). Local arithmetic shifts epoch milliseconds by +7 h and reads
// the UTC fields, so the host's timezone never matters. A "day" below is a local day number: whole days
// since 1970-01-01 local.

export const MINUTE = 60_000
export const DAY = 86_400_000
const OFFSET = 7 * 3_600_000

/** Local day number of an instant. */
export const localDay = (t: number): number => Math.floor((t + OFFSET) / DAY)

/** Epoch milliseconds of local midnight starting a day. */
export const dayStart = (day: number): number => day * DAY - OFFSET

/** Milliseconds since local midnight. */
export const msOfDay = (t: number): number => t + OFFSET - localDay(t) * DAY

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** 'HH:MM' (00:00–23:59) to minutes since midnight, or undefined when malformed. */
export function parseClock(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined
}

export const formatClock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

/** 'YYYY-MM-DD' to a local day number, or undefined when it is not a real date. */
export function parseDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined
  return ms / DAY
}

/** Local day number to 'YYYY-MM-DD'. */
export function formatDate(day: number): string {
  const d = new Date(day * DAY)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** An instant as local ISO text, e.g. '2025-04-28T10:00:00+07:00' (milliseconds only when not zero). */
export function formatLocal(at: Date): string {
  const t = at.getTime()
  const ofDay = msOfDay(t)
  const millis = ofDay % 1000
  const clock = `${formatClock(Math.floor(ofDay / MINUTE))}:${pad(Math.floor(ofDay / 1000) % 60)}`
  return `${formatDate(localDay(t))}T${clock}${millis ? `.${pad(millis, 3)}` : ''}+07:00`
}

/** Epoch milliseconds of a valid Date, or a RangeError naming the argument. */
export function instant(at: Date, name: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN
  if (Number.isNaN(t)) throw new RangeError(`${name} must be a valid Date`)
  return t
}

/**
 * The calendar date in Vietnam (UTC+7) of an instant, as 'YYYY-MM-DD'.
 * @example vietnamDate(new Date('2025-04-29T20:00:00Z')) // '2025-04-30'
 */
export const vietnamDate = (at: Date): string => formatDate(localDay(at.getTime()))

/**
 * A 'YYYY-MM-DD' date as Vietnamese people write it, 'DD/MM/YYYY'.
 * @example vietnameseDay('2025-04-30') // '30/04/2025'
 */
export const vietnameseDay = (date: string): string => date.split('-').reverse().join('/')

/**
 * Whether `text` is a day written YYYY-MM-DD that the calendar has (not 2026-13-45 or 2026-02-30).
 * @example isCalendarDay('2024-02-29') // true
 */
export function isCalendarDay(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text
}
