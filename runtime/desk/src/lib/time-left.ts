import type { Locale } from '@motcua/web-kit'

const words = {
  vi: { day: 'ngày', days: 'ngày', hour: 'giờ', hours: 'giờ', minute: 'phút', minutes: 'phút' },
  en: { day: 'day', days: 'days', hour: 'hour', hours: 'hours', minute: 'minute', minutes: 'minutes' },
} as const

const amount = (locale: Locale, n: number, one: 'day' | 'hour' | 'minute') =>
  `${n} ${words[locale][n === 1 ? one : (`${one}s` as 'days')]}`

/**
 * Working time as an officer reads it: the two largest units, "2 ngày 3 giờ", "5 giờ 30 phút", "45 phút".
 * @example workingSpan(2 * 480 + 180, 480, 'vi') // '2 ngày 3 giờ'
 */
export function workingSpan(minutes: number, workingDayMinutes: number, locale: Locale): string {
  const total = Math.max(0, Math.round(minutes))
  const days = Math.floor(total / workingDayMinutes)
  const hours = Math.floor((total % workingDayMinutes) / 60)
  const mins = total % 60
  if (days > 0)
    return hours > 0 ? `${amount(locale, days, 'day')} ${amount(locale, hours, 'hour')}` : amount(locale, days, 'day')
  if (hours > 0)
    return mins > 0
      ? `${amount(locale, hours, 'hour')} ${amount(locale, mins, 'minute')}`
      : amount(locale, hours, 'hour')
  return amount(locale, mins, 'minute')
}

/** A dossier's deadline as the desk shows it, from the queue's `workingMinutesLeft`. */
export interface TimeLeft {
  /** "còn 2 ngày 3 giờ", "quá hạn 1 ngày", "tạm dừng – còn 4 giờ", or null without a running deadline. */
  text: string | null
  tone: 'ok' | 'soon' | 'overdue' | 'paused' | 'none'
}

/**
 * How much working time a dossier has left, in words, and how urgent it looks: under one working day is "soon".
 * @example timeLeft({ workingMinutesLeft: -480, workingDayMinutes: 480, paused: false }, 'vi') // { text: 'quá hạn 1 ngày', tone: 'overdue' }
 */
export function timeLeft(
  d: { workingMinutesLeft: number | null; workingDayMinutes: number; paused: boolean },
  locale: Locale,
): TimeLeft {
  if (d.workingMinutesLeft === null) return { text: null, tone: 'none' }
  const span = workingSpan(Math.abs(d.workingMinutesLeft), d.workingDayMinutes, locale)
  if (d.workingMinutesLeft < 0)
    return { text: locale === 'vi' ? `quá hạn ${span}` : `${span} overdue`, tone: 'overdue' }
  if (d.paused) return { text: locale === 'vi' ? `tạm dừng – còn ${span}` : `on hold – ${span} left`, tone: 'paused' }
  return {
    text: locale === 'vi' ? `còn ${span}` : `${span} left`,
    tone: d.workingMinutesLeft < d.workingDayMinutes ? 'soon' : 'ok',
  }
}
