import { statutoryHolidays } from '@motcua/core'

// Vietnam keeps one offset all year (UTC+7, no summer time), so local times are plain arithmetic.
const OFFSET = 7 * 3_600_000
const DAY = 86_400_000
const pad = (n: number) => String(n).padStart(2, '0')
const weekdays = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
}

/** The Vietnam wall clock of an instant, read through UTC fields. */
const wall = (at: Date) => new Date(at.getTime() + OFFSET)

/**
 * An instant as an officer reads it, Vietnam time: "08:00 Thứ Sáu, 13/02/2026".
 * @example formatDateTime(new Date('2026-02-13T01:00:00Z'), 'vi') // '08:00 Thứ Sáu, 13/02/2026'
 */
export function formatDateTime(at: Date, locale: 'vi' | 'en'): string {
  const w = wall(at)
  const date = `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())} ${weekdays[locale][w.getUTCDay()]}, ${date}`
}

/**
 * A `YYYY-MM-DD` day as "Thứ Bảy, 14/02/2026".
 * @example formatDay('2026-02-14', 'vi') // 'Thứ Bảy, 14/02/2026'
 */
export function formatDay(day: string, locale: 'vi' | 'en'): string {
  const d = new Date(`${day}T00:00:00Z`)
  return `${weekdays[locale][d.getUTCDay()]}, ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}

/** The value of a `datetime-local` input showing an instant in Vietnam time (`2026-02-13T08:00`). */
export const toLocalInput = (at: Date): string => wall(at).toISOString().slice(0, 16)

/** The instant a `datetime-local` value names in Vietnam time, as an ISO string with its offset; undefined if blank. */
export const fromLocalInput = (value: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : undefined

/**
 * 08:00 on the last Friday before the next Tết Nguyên đán's days off (by the law's rules, as core computes them):
 * a dossier received then has Tết in its way, the case to try.
 * @example fridayBeforeTet(new Date('2026-11-30T00:00:00Z')) // 2027-01-29T01:00:00.000Z (Tết 2027 is 6 February; its days off start 4 February)
 */
export function fridayBeforeTet(now: Date): Date {
  const today = wall(now).toISOString().slice(0, 10)
  const year = wall(now).getUTCFullYear()
  for (const y of [year, year + 1]) {
    const first = statutoryHolidays(y).find((h) => h.name.startsWith('Tết Nguyên đán'))?.date
    if (!first) continue
    let day = Date.parse(`${first}T00:00:00Z`) - DAY
    while (new Date(day).getUTCDay() !== 5) day -= DAY
    if (new Date(day).toISOString().slice(0, 10) > today) return new Date(day + 8 * 3_600_000 - OFFSET)
  }
  throw new RangeError('no Tết ahead in the statutory calendar')
}
