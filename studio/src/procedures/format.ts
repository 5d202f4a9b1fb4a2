/** A day YYYY-MM-DD as Vietnamese write it: 01/12/2026. */
export const vietnameseDay = (day: string): string => day.slice(0, 10).split('-').reverse().join('/')

/** Today in Vietnam (YYYY-MM-DD), whatever the device's time zone. */
export const vietnamToday = (now = new Date()): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The start of a day in Vietnam, as the API's date-time: a version published "from 01/12/2026" starts then. */
export const vietnamMidnight = (day: string): string => `${day}T00:00:00+07:00`

/** A moment as people read it, in Vietnam time: 30/11/2026 14:05. */
export const dateTime = (iso: string): string => {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString()
  return `${vietnameseDay(local)} ${local.slice(11, 16)}`
}

/**
 * A day as Vietnamese type it (dd/mm/yyyy, also with dots or dashes) as YYYY-MM-DD, or null when it is no real day.
 * @example parseVietnameseDay('1/12/2026') // '2026-12-01'
 */
export function parseVietnameseDay(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!match) return null
  const [, d, m, y] = match
  const day = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null
}
