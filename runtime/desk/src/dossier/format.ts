// Vietnam keeps UTC+7 all year (no daylight saving): its wall clock is UTC shifted by seven hours.
const vietnamClock = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString()

/**
 * A time in Vietnam time as an officer reads it: "HH:mm dd/mm/yyyy"; a dash for none.
 * @example when('2026-12-01T01:30:00Z') // '08:30 01/12/2026'
 */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  const local = vietnamClock(iso)
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`
}

/**
 * The value of a `datetime-local` field for a time, in Vietnam time.
 * @example localInput('2026-12-01T01:30:00Z') // '2026-12-01T08:30'
 */
export const localInput = (iso: string): string => vietnamClock(iso).slice(0, 16)

/**
 * A `datetime-local` value read as Vietnam time, as ISO text for the API.
 * @example fromLocalInput('2026-12-01T08:30') // '2026-12-01T08:30:00+07:00'
 */
export const fromLocalInput = (value: string): string => `${value}:00+07:00`
