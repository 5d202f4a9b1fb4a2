import type { Locale } from '@motcua/web-kit'

const tag = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB')
const numbers = new Map<string, Intl.NumberFormat>()
const formatter = (locale: Locale, digits: number) => {
  const key = `${locale}${digits}`
  let format = numbers.get(key)
  if (!format) {
    format = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    numbers.set(key, format)
  }
  return format
}

/**
 * A count, grouped the way the reader writes it.
 * @example showCount(1234, 'vi') // '1.234'
 */
export const showCount = (n: number, locale: Locale): string => formatter(locale, 0).format(n)

/**
 * A number with at most one decimal, or "—" when unknown.
 * @example showDecimal(3.5, 'vi') // '3,5'
 */
export const showDecimal = (n: number | null, locale: Locale): string =>
  n === null ? '—' : formatter(locale, 1).format(n)

/**
 * A share (0–1) as a percentage with one decimal and a non-breaking space before the sign (Vietnamese style), or "—".
 * @example showShare(0.552, 'vi') // '55,2 %'
 */
export const showShare = (share: number | null, locale: Locale): string =>
  share === null ? '—' : `${formatter(locale, 1).format(Math.round(share * 1000) / 10)}\u00a0%`

/**
 * A `YYYY-MM` month as the reader writes it.
 * @example showMonth('2025-03') // '03/2025'
 */
export const showMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`

/**
 * A month's short label on a chart's axis: the month's number, with the year's last two digits when the months
 * span more than one year.
 * @example axisMonth('2025-03', true) // '3/25'
 */
export const axisMonth = (month: string, withYear: boolean): string =>
  `${Number(month.slice(5, 7))}${withYear ? `/${month.slice(2, 4)}` : ''}`
