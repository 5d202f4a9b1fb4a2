// Vietnam keeps UTC+07:00 all year: shift the instant by 7 hours and read the UTC fields, so the host's
// timezone never leaks onto a printed slip.
const OFFSET = 7 * 3_600_000

/** What a blank on a paper form looks like: the officer fills it by hand. */
export const BLANK = '……………'

const pad = (n: number) => String(n).padStart(2, '0')

interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

function parts(at: Date): LocalParts {
  const d = new Date(at.getTime() + OFFSET)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

const valid = (at: Date | null | undefined): at is Date => at instanceof Date && !Number.isNaN(at.getTime())

/**
 * A date as 'dd/MM/yyyy' in Vietnam time.
 * @example formatDateVi(new Date('2025-05-04T18:00:00Z')) // '05/05/2025'
 */
export function formatDateVi(at: Date | null | undefined): string {
  if (!valid(at)) return BLANK
  const { year, month, day } = parts(at)
  return `${pad(day)}/${pad(month)}/${year}`
}

/**
 * An instant as the forms write it, in Vietnam time.
 * @example formatTimeVi(new Date('2025-05-05T01:30:00Z')) // '08 giờ 30 phút, ngày 05/05/2025'
 */
export function formatTimeVi(at: Date | null | undefined): string {
  if (!valid(at)) return BLANK
  const { hour, minute } = parts(at)
  return `${pad(hour)} giờ ${pad(minute)} phút, ngày ${formatDateVi(at)}`
}

/**
 * The date of a place-date line. Decree 30/2020/NĐ-CP writes a leading zero only before days 1–9 and
 * months 1 and 2 ('ngày 05 tháng 02 năm 2026', 'ngày 28 tháng 11 năm 2026', 'ngày 10 tháng 3 năm 2026').
 * @example formatLongDateVi(new Date('2026-11-28T03:00:00Z')) // 'ngày 28 tháng 11 năm 2026'
 */
export function formatLongDateVi(at: Date | null | undefined): string {
  if (!valid(at)) return 'ngày … tháng … năm …'
  const { year, month, day } = parts(at)
  return `ngày ${day < 10 ? pad(day) : day} tháng ${month < 3 ? pad(month) : month} năm ${year}`
}

/**
 * A date stored in an event's JSON `data` (a Date, ISO text or epoch milliseconds), or null.
 * @example toDate('2026-12-01T10:00:00.000Z') // Date
 */
export function toDate(value: unknown): Date | null {
  const date =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null
  return valid(date) ? date : null
}
