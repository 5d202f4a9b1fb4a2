import { monthOf, type StatPeriod } from '@motcua/core'

/** The periods a leader picks from: this month, quarter or year so far, or months of their own. */
export type PeriodChoice = 'month' | 'quarter' | 'year' | 'custom'

/**
 * The months of a choice at `now` (Vietnam time); `custom` keeps the months given, or this month.
 * @example periodFor('quarter', new Date('2025-05-20T10:00:00+07:00')) // { from: '2025-04', to: '2025-05' }
 */
export function periodFor(choice: PeriodChoice, now: Date, custom?: StatPeriod): StatPeriod {
  const to = monthOf(now)
  const year = to.slice(0, 4)
  const month = Number(to.slice(5))
  switch (choice) {
    case 'month':
      return { from: to, to }
    case 'quarter':
      return { from: `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}`, to }
    case 'year':
      return { from: `${year}-01`, to }
    case 'custom':
      return custom ?? { from: to, to }
  }
}
