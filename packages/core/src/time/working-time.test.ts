import { describe, expect, it } from 'vitest'
import { at, local, vn } from './test-support'
import { addWorkingMinutes, isWorkingTime, nextOpening, workingMinutesBetween } from './working-time'

describe('isWorkingTime', () => {
  it.each([
    ['2025-04-28T07:00:00+07:00', true], // Monday opening
    ['2025-04-28T10:00:00+07:00', true],
    ['2025-04-28T11:30:00+07:00', false], // lunch starts: openings are [start, end)
    ['2025-04-28T12:00:00+07:00', false],
    ['2025-04-28T13:30:00+07:00', true],
    ['2025-04-28T16:59:59+07:00', true],
    ['2025-04-28T17:00:00+07:00', false],
    ['2025-04-28T06:59:00+07:00', false],
    ['2025-04-26T10:00:00+07:00', false], // Saturday
    ['2025-04-27T10:00:00+07:00', false], // Sunday
    ['2025-04-30T10:00:00+07:00', false], // Ngày Chiến thắng
    ['2025-04-07T10:00:00+07:00', false], // Giỗ Tổ Hùng Vương
  ])('%s → %s', (text, expected) => {
    expect(isWorkingTime(vn, at(text))).toBe(expected)
  })

  it('reads local time whatever the UTC date is', () => {
    expect(isWorkingTime(vn, at('2025-04-28T00:30:00Z'))).toBe(true) // 07:30 in Hà Nội
    expect(isWorkingTime(vn, at('2025-04-27T23:30:00Z'))).toBe(false) // 06:30 Monday local
  })
})

describe('nextOpening', () => {
  it.each([
    ['2025-04-28T10:00:00+07:00', '2025-04-28T10:00:00+07:00'],
    ['2025-04-28T06:00:00+07:00', '2025-04-28T07:00:00+07:00'],
    ['2025-04-28T11:30:00+07:00', '2025-04-28T13:30:00+07:00'],
    ['2025-04-28T17:00:00+07:00', '2025-04-29T07:00:00+07:00'],
    ['2025-04-26T09:00:00+07:00', '2025-04-28T07:00:00+07:00'], // Saturday → Monday
    ['2025-04-29T17:30:00+07:00', '2025-05-02T07:00:00+07:00'], // over 30/4 and 1/5
    ['2026-02-13T17:00:00+07:00', '2026-02-23T07:00:00+07:00'], // over Tết Bính Ngọ and the weekends
  ])('%s → %s', (from, expected) => {
    expect(local(nextOpening(vn, at(from)))).toBe(expected)
  })
})

describe('addWorkingMinutes', () => {
  it.each([
    ['2025-04-28T07:00:00+07:00', 480, '2025-04-28T17:00:00+07:00'], // lands on the end, not Tuesday 07:00
    ['2025-04-28T07:00:00+07:00', 270, '2025-04-28T11:30:00+07:00'],
    ['2025-04-28T07:00:00+07:00', 271, '2025-04-28T13:31:00+07:00'],
    ['2025-04-28T11:00:00+07:00', 60, '2025-04-28T14:00:00+07:00'], // over lunch
    ['2025-04-25T16:00:00+07:00', 120, '2025-04-28T08:00:00+07:00'], // Friday → Monday
    ['2025-04-29T16:00:00+07:00', 120, '2025-05-02T08:00:00+07:00'], // over 30/4–1/5 2025 (Wed–Thu)
    ['2025-12-31T16:00:00+07:00', 120, '2026-01-02T08:00:00+07:00'], // over Tết Dương lịch
    ['2025-04-26T09:00:00+07:00', 30, '2025-04-28T07:30:00+07:00'], // from a Saturday
    ['2025-04-28T18:00:00+07:00', 0, '2025-04-29T07:00:00+07:00'], // zero moves into office hours
    ['2025-04-28T17:00:00+07:00', 0, '2025-04-28T17:00:00+07:00'], // …unless already at an end
    ['2025-04-28T07:00:00+07:00', 0.5, '2025-04-28T07:00:30+07:00'],
  ])('%s + %d min → %s', (from, minutes, expected) => {
    expect(local(addWorkingMinutes(vn, at(from), minutes))).toBe(expected)
  })

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(vn, at('2025-04-28T07:00:00+07:00'), -1)).toThrow(RangeError)
    expect(() => addWorkingMinutes(vn, at('2025-04-28T07:00:00+07:00'), Number.NaN)).toThrow(RangeError)
    expect(() => addWorkingMinutes(vn, new Date('nope'), 1)).toThrow(/valid Date/)
  })
})

describe('workingMinutesBetween', () => {
  it.each([
    ['2025-04-28T11:00:00+07:00', '2025-04-28T14:00:00+07:00', 60],
    ['2025-04-25T16:00:00+07:00', '2025-04-28T09:00:00+07:00', 180],
    ['2025-04-28T09:00:00+07:00', '2025-04-25T16:00:00+07:00', -180],
    ['2025-04-26T08:00:00+07:00', '2025-04-27T16:00:00+07:00', 0], // weekend
    ['2026-02-13T07:00:00+07:00', '2026-02-23T07:00:00+07:00', 480], // a week of Tết in between
    ['2025-04-28T10:00:00+07:00', '2025-04-28T10:00:00+07:00', 0],
  ])('%s → %s = %d', (a, b, expected) => {
    expect(workingMinutesBetween(vn, at(a), at(b))).toBe(expected)
  })
})
