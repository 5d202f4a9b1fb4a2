import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { formatDuration, parseDuration } from './duration'
import { durationArb } from './test-support'
import type { Duration } from './types'

describe('parseDuration', () => {
  it.each<[string, Duration]>([
    ['3wd', { kind: 'workingDays', days: 3 }],
    ['0.5wd', { kind: 'workingDays', days: 0.5 }],
    ['16wh', { kind: 'workingHours', hours: 16 }],
    ['1.25wh', { kind: 'workingHours', hours: 1.25 }],
    ['sameday@15:00', { kind: 'sameDay', cutoff: '15:00' }],
    ['10cd', { kind: 'calendarDays', days: 10 }],
    ['none', { kind: 'none' }],
  ])('%s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected)
    expect(formatDuration(expected)).toBe(text)
  })

  it.each([
    '',
    '3',
    'wd',
    '-1wd',
    '.5wd',
    '3.wd',
    '3 wd',
    ' 3wd',
    '3WD',
    '1.5cd',
    '1e3wd',
    'sameday',
    'sameday@9:00',
    'sameday@24:00',
    'sameday@15:60',
    'NONE',
    '3wd3wh',
  ])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(DomainError)
    expect(() => parseDuration(text)).toThrow(/Invalid duration/)
  })

  it('formatDuration refuses what parseDuration could not read back', () => {
    expect(() => formatDuration({ kind: 'workingDays', days: -1 })).toThrow(RangeError)
    expect(() => formatDuration({ kind: 'workingHours', hours: 1e-7 })).toThrow(RangeError)
    expect(() => formatDuration({ kind: 'calendarDays', days: 1.5 })).toThrow(RangeError)
    expect(() => formatDuration({ kind: 'sameDay', cutoff: '25:00' })).toThrow(RangeError)
  })

  it('round-trips every budget', () => {
    fc.assert(
      fc.property(fc.oneof(durationArb, fc.constant<Duration>({ kind: 'none' })), (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d)
      }),
      { numRuns: 200 },
    )
  })
})
