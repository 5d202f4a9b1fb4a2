import { DomainError, isWorkingTime, nextOpening, vietnamDate } from '@motcua/core'
import type { WeekHours } from '@motcua/db'
import type { UnitCalendar } from '../calendar'
import { dayInWords } from './day-checks'

const DAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy']
const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/**
 * A week of hours in words, Monday first, days with the same hours grouped.
 * @example describeHours(hours, 'vi') // 'thứ Hai–thứ Sáu 07:00–11:30, 13:30–17:00; thứ Bảy 07:30–11:30'
 */
export function describeHours(hours: WeekHours, locale: 'vi' | 'en'): string {
  const names = locale === 'vi' ? DAYS : DAYS_EN
  const text = (day: number) => (hours[day] ?? []).map((iv) => `${iv.start}–${iv.end}`).join(', ')
  const groups: { from: number; to: number; text: string }[] = []
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const last = groups.at(-1)
    if (last && last.text === text(day) && (last.to + 1) % 7 === day) last.to = day
    else groups.push({ from: day, to: day, text: text(day) })
  }
  return groups
    .filter((g) => g.text)
    .map((g) => `${names[g.from]}${g.to === g.from ? '' : `–${names[g.to]}`} ${g.text}`)
    .join('; ')
}

const clock = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(11, 16)

/**
 * Refuses to receive a dossier at the counter outside its opening hours (409, saying when it opens next). Opening
 * hours are not working time: a commune open on Saturday morning receives then, and the deadline counts from
 * the next working instant.
 * @example assertCounterOpen(await units.unitCalendarOf(unit.id), unit.name, now)
 */
export function assertCounterOpen(calendar: UnitCalendar, unitName: string, at: Date): void {
  if (isWorkingTime(calendar.counter, at)) return
  const next = nextOpening(calendar.counter, at)
  const message = {
    vi: `Bộ phận một cửa của ${unitName} không tiếp nhận hồ sơ vào lúc này (${dayInWords(vietnamDate(at))}, ${clock(at)}). Giờ tiếp nhận: ${describeHours(calendar.counterHours, 'vi')}, trừ ngày nghỉ. Lần mở cửa tới: ${dayInWords(vietnamDate(next))}, ${clock(next)}.`,
    en: `The counter of ${unitName} is closed now. Opening hours: ${describeHours(calendar.counterHours, 'en')}, except days off. It opens next on ${vietnamDate(next)} at ${clock(next)}.`,
  }
  throw new DomainError('CONFLICT', message, [{ code: 'counter.closed', path: '/channel', message }])
}
