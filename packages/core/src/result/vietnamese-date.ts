import { localDay } from '../time/local-time'

const pad = (n: number) => String(n).padStart(2, '0')

/** Year, month and day of a date: an ISO `YYYY-MM-DD` string as written, an instant as its day in Vietnam. */
function partsOf(value: unknown): [number, number, number] | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const d = new Date(localDay(value.getTime()) * 86_400_000)
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
  }
  if (typeof value !== 'string') return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value)
  if (!m) return undefined
  if (m[4]) return partsOf(new Date(value))
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/**
 * A date as Vietnamese documents write it: `05/03/2026`, or with `long` `ngày 05 tháng 3 năm 2026`. Following
 * Nghị định 30/2020/NĐ-CP (thể thức văn bản), days below 10 and the months 1 and 2 take a leading zero.
 * `undefined` when the value is not a date.
 * @example vietnameseDate('2026-02-05', true) // 'ngày 05 tháng 02 năm 2026'
 */
export function vietnameseDate(value: unknown, long = false): string | undefined {
  const parts = partsOf(value)
  if (!parts) return undefined
  const [y, m, d] = parts
  if (!long) return `${pad(d)}/${pad(m)}/${y}`
  return `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`
}
