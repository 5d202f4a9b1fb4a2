import type { ProcessingTime } from '@motcua/core'
import type { Locale } from '../i18n/messages'

const parts = (iso: string) => {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return values as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>
}

/**
 * A timestamp in Vietnam time, as dd/mm/yyyy (and HH:mm).
 * @example showDateTime('2026-11-28T03:30:00Z') // '10:30 28/11/2026'
 */
export function showDateTime(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '—'
  const p = parts(iso)
  const date = `${p.day}/${p.month}/${p.year}`
  return withTime ? `${p.hour}:${p.minute} ${date}` : date
}

/**
 * An amount of đồng grouped with dots.
 * @example showVnd(135000) // '135.000 đ'
 */
export function showVnd(amount: number): string {
  return `${String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`
}

/** The processing time in plain words (the legal wording is shown beside it when there is one). */
export function showProcessingTime(time: ProcessingTime, locale: Locale): string {
  const vi = locale === 'vi'
  switch (time.kind) {
    case 'workingDays':
      return vi ? `${time.days} ngày làm việc` : `${time.days} working day${time.days === 1 ? '' : 's'}`
    case 'workingHours':
      return vi ? `${time.hours} giờ làm việc` : `${time.hours} working hour${time.hours === 1 ? '' : 's'}`
    case 'sameDay':
      return vi
        ? `Trong ngày (nhận sau ${time.cutoff} thì trả ngày làm việc tiếp theo)`
        : `Same day (next working day if received after ${time.cutoff})`
    case 'calendarDays':
      return vi ? `${time.days} ngày` : `${time.days} day${time.days === 1 ? '' : 's'}`
    default:
      return vi ? 'Không quy định thời hạn' : 'No fixed time'
  }
}

export { showSize } from '@motcua/forms'
