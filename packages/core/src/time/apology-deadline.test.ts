import { describe, expect, it } from 'vitest'
import { lastApologyDay } from './apology-deadline'
import { createCalendar } from './calendar'
import { statutoryCalendar } from './holidays'

const cal = createCalendar(statutoryCalendar(2025, 2026))
const vn = (local: string) => new Date(`${local}+07:00`)

describe('lastApologyDay', () => {
  it('is the working day before the deadline’s day, ending at local midnight', () => {
    expect(lastApologyDay(cal, vn('2025-05-08T09:00:00'))).toEqual({
      date: '2025-05-07',
      endsAt: vn('2025-05-08T00:00:00'),
    })
  })

  it('skips weekends and public holidays: due Friday 2/5/2025 after 30/4 and 1/5 → Tuesday 29/4', () => {
    expect(lastApologyDay(cal, vn('2025-05-02T10:00:00')).date).toBe('2025-04-29')
    expect(lastApologyDay(cal, vn('2025-05-12T07:00:00')).date).toBe('2025-05-09') // Monday → Friday
  })
})
