// Shared by the colocated tests only (not exported from the package).
import fc from 'fast-check'
import { createCalendar, type ResolvedCalendar } from './calendar'
import { statutoryCalendar } from './holidays'
import { DAY, formatDate, formatLocal, MINUTE, parseDate } from './local-time'
import { officialCalendar } from './official-calendar'
import type { Duration, OfficeInterval } from './types'

/** The statutory calendar 2019–2035 with the default office hours. */
export const vn = createCalendar(statutoryCalendar(2019, 2035))

/** The official calendar 2019–2035 (the Government's decisions, then the rules) with the default office hours. */
export const official = createCalendar(officialCalendar(2019, 2035).calendar)

/** '2025-04-28T10:00:00+07:00' → Date. */
export const at = (text: string): Date => new Date(text)

/** Date → '2025-04-28T10:00:00+07:00', so assertions read as local Vietnam time. */
export const local = (d: Date | null): string | null => (d === null ? null : formatLocal(d))

const FROM = Date.parse('2024-12-01T00:00:00+07:00')
const TO = Date.parse('2026-03-31T00:00:00+07:00')

/** Instants over Dec 2024 – Mar 2026: any minute, or a round opening boundary (07:00, 11:30, 13:30, 17:00 …). */
export const instantArb: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: 0, max: (TO - FROM) / MINUTE }).map((m) => new Date(FROM + m * MINUTE)),
  fc
    .tuple(fc.integer({ min: 0, max: (TO - FROM) / DAY - 1 }), fc.constantFrom(0, 420, 690, 810, 1020, 1439))
    .map(([d, m]) => new Date(FROM + d * DAY + m * MINUTE)),
)

const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** One weekday's openings: 0–3 sorted, disjoint intervals. */
const dayArb: fc.Arbitrary<OfficeInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1439 }), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b)
    const out: OfficeInterval[] = []
    for (let i = 0; i + 1 < sorted.length; i += 2)
      out.push({ start: clock(sorted[i] as number), end: clock(sorted[i + 1] as number) })
    return out
  })

const dateArb = fc
  .integer({ min: 0, max: (TO - FROM) / DAY - 1 })
  .map((d) => formatDate((parseDate('2024-12-01') as number) + d))

/** Print a calendar briefly in counterexamples. */
const named = (cal: ResolvedCalendar, text: string): ResolvedCalendar =>
  Object.assign(cal, { [fc.toStringMethod]: () => text })

/** Random calendars: odd office hours, random holidays and make-up days; and the statutory and official ones. */
export const calendarArb: fc.Arbitrary<ResolvedCalendar> = fc.oneof(
  fc.constant(named(createCalendar(statutoryCalendar(2019, 2035)), 'statutoryCalendar(2019, 2035)')),
  fc.constant(named(createCalendar(officialCalendar(2019, 2035).calendar), 'officialCalendar(2019, 2035)')),
  fc
    .record({
      officeHours: fc.array(dayArb, { minLength: 7, maxLength: 7 }).filter((w) => w.some((d) => d.length > 0)),
      holidays: fc.uniqueArray(dateArb, { maxLength: 40 }),
      makeUpDays: fc.uniqueArray(dateArb, { maxLength: 5 }),
      makeUpHours: dayArb.filter((d) => d.length > 0),
    })
    .map(({ officeHours, holidays, makeUpDays, makeUpHours }) => {
      const input = {
        officeHours,
        holidays: holidays.map((date) => ({ date, name: 'Ngày nghỉ' })),
        makeUpDays: makeUpDays.filter((d) => !holidays.includes(d)).map((date) => ({ date, name: 'Ngày làm bù' })),
        makeUpHours,
      }
      return named(createCalendar(input), `createCalendar(${JSON.stringify(input)})`)
    }),
)

/** Budgets as procedures write them, kept small so odd calendars stay fast. */
export const durationArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((n) => ({ kind: 'workingDays' as const, days: n / 2 })),
  fc.integer({ min: 0, max: 40 }).map((n) => ({ kind: 'workingHours' as const, hours: n })),
  fc.integer({ min: 0, max: 1439 }).map((m) => ({ kind: 'sameDay' as const, cutoff: clock(m) })),
  fc.integer({ min: 0, max: 30 }).map((n) => ({ kind: 'calendarDays' as const, days: n })),
)
