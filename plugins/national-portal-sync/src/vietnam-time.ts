// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and needs no time-zone database.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An ISO 8601 instant as the national portal writes dates: `yyyyMMddHHmmss` in Vietnam time; empty when absent.
 * @example toPortalTime('2025-11-28T01:30:00.000Z') // '20251128083000'
 */
export function toPortalTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${JSON.stringify(iso)}`)
  const d = new Date(ms + VIETNAM_OFFSET_MS)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
}
