import { DomainError } from '../errors'

/** A reporting period: whole Vietnam-local months, `from` and `to` inclusive, as `YYYY-MM`. */
export interface StatPeriod {
  from: string
  to: string
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The first day of a `YYYY-MM` month as `YYYY-MM-01` (the rollup's `month`). */
export const monthStart = (month: string): string => `${month}-01`

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** Every month of a period in order. */
export function monthsOf(period: StatPeriod): string[] {
  const out: string[] = []
  for (let m = period.from; m <= period.to; m = nextMonth(m)) out.push(m)
  return out
}

/** The Vietnam-local `YYYY-MM` of an instant. */
export const monthOf = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)

/** The most months one request may span (ten years). */
export const MAX_PERIOD_MONTHS = 120

/**
 * Checks a period given as `from`/`to` months, defaulting to the year so far; a `to` in the future is cut to this
 * month. Throws INVALID_DATA with a message saying what to fix.
 * @example periodOf({ from: '2025-01', to: '2025-03' }, new Date()) // { from: '2025-01', to: '2025-03' }
 */
export function periodOf(input: { from?: string | undefined; to?: string | undefined }, now: Date): StatPeriod {
  const current = monthOf(now)
  const to = input.to ?? current
  const from = input.from ?? `${to.slice(0, 4)}-01`
  for (const [key, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!MONTH.test(value)) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: `Tháng "${value}" không hợp lệ: hãy ghi theo dạng NNNN-TT, ví dụ 2025-03.`,
          en: `"${value}" is not a month: write YYYY-MM, e.g. 2025-03.`,
        },
        [{ path: `/${key}`, code: 'format', message: { vi: 'Ghi tháng theo dạng NNNN-TT', en: 'Use YYYY-MM' } }],
      )
    }
  }
  if (from > to) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc.', en: 'The first month must not be after the last.' },
      [{ path: '/from', code: 'order', message: { vi: 'Sau tháng kết thúc', en: 'After the last month' } }],
    )
  }
  const period = { from, to: [to, current].sort()[0]! }
  if (period.from > period.to) period.from = period.to
  if (monthsOf(period).length > MAX_PERIOD_MONTHS) {
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: `Kỳ thống kê dài tối đa ${MAX_PERIOD_MONTHS} tháng.`,
        en: `A period spans at most ${MAX_PERIOD_MONTHS} months.`,
      },
      [{ path: '/from', code: 'range', message: { vi: 'Kỳ quá dài', en: 'Too long' } }],
    )
  }
  return period
}
