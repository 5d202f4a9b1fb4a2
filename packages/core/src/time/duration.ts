import { DomainError } from '../errors'
import { parseClock } from './local-time'
import type { Duration } from './types'

const NUMBER = String.raw`(\d+(?:\.\d+)?)`

function invalid(text: unknown): DomainError {
  const got = JSON.stringify(text)
  return new DomainError(
    'INVALID_DATA',
    {
      en: `Invalid duration ${got}: expected '3wd', '16wh', 'sameday@15:00', '10cd' or 'none'`,
      vi: `Thời hạn ${got} không hợp lệ: cần dạng '3wd', '16wh', 'sameday@15:00', '10cd' hoặc 'none'`,
    },
    [{ code: 'duration', path: '', message: { en: `not a duration: ${got}`, vi: `không phải thời hạn: ${got}` } }],
  )
}

/**
 * Parse '3wd' | '0.5wd' | '16wh' | 'sameday@15:00' | '10cd' | 'none'; throws DomainError `INVALID_DATA` otherwise.
 * @example parseDuration('sameday@15:00') // { kind: 'sameDay', cutoff: '15:00' }
 */
export function parseDuration(text: string): Duration {
  if (typeof text !== 'string') throw invalid(text)
  if (text === 'none') return { kind: 'none' }
  let m = new RegExp(`^${NUMBER}(wd|wh)$`).exec(text)
  if (m) {
    const n = Number(m[1])
    if (!Number.isFinite(n)) throw invalid(text)
    return m[2] === 'wd' ? { kind: 'workingDays', days: n } : { kind: 'workingHours', hours: n }
  }
  m = /^(\d+)cd$/.exec(text)
  if (m) {
    const days = Number(m[1])
    if (!Number.isSafeInteger(days)) throw invalid(text)
    return { kind: 'calendarDays', days }
  }
  m = /^sameday@(.*)$/.exec(text)
  if (m && parseClock(m[1]) !== undefined) return { kind: 'sameDay', cutoff: m[1] as string }
  throw invalid(text)
}

function amount(n: number, integer: boolean): string {
  const text = String(n)
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isSafeInteger(n)) || !/^\d+(\.\d+)?$/.test(text)) {
    throw new RangeError(`Cannot write duration amount ${n}: expected a plain number ≥ 0`)
  }
  return text
}

/**
 * Write a time budget in the text form `parseDuration` reads.
 * @example formatDuration({ kind: 'workingDays', days: 0.5 }) // '0.5wd'
 */
export function formatDuration(d: Duration): string {
  switch (d.kind) {
    case 'workingDays':
      return `${amount(d.days, false)}wd`
    case 'workingHours':
      return `${amount(d.hours, false)}wh`
    case 'calendarDays':
      return `${amount(d.days, true)}cd`
    case 'sameDay':
      if (parseClock(d.cutoff) === undefined)
        throw new RangeError(`Invalid cutoff ${JSON.stringify(d.cutoff)}: expected HH:MM`)
      return `sameday@${d.cutoff}`
    case 'none':
      return 'none'
    default:
      throw new RangeError(`Unknown duration kind ${JSON.stringify((d as { kind: unknown }).kind)}`)
  }
}
