import type { Message } from '../errors'

export type Locale = keyof Message

// Numbers as people write them: 1.000.000 in Vietnamese, 1,000,000 in English. 'min2' leaves four-digit
// numbers ungrouped, so a year limit reads 2025, not 2.025.
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20, useGrouping: 'min2' }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: 'min2' }),
}

export function showNumber(value: unknown, locale: Locale): string {
  return typeof value === 'number' ? numberFormats[locale].format(value) : String(value)
}

// English only: Vietnamese nouns do not inflect (3 mục, 1 mục).
export function plural(count: unknown, noun: string): string {
  return `${showNumber(count, 'en')} ${count === 1 ? noun : `${noun}s`}`
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/

// Limits come as ISO dates (2025-01-31); Vietnamese forms show dd/mm/yyyy.
export function showDate(value: string): string {
  const match = ISO_DATE_TIME.exec(value)
  if (match === null) return value
  const date = `${match[3]}/${match[2]}/${match[1]}`
  return match[4] === undefined ? date : `${date} ${match[4]}`
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value)
}
