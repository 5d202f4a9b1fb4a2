import { describe, expect, it } from 'vitest'
import { formatDay, parseDay } from './calendars'

describe('hours as administrators type them', () => {
  it('reads intervals separated by commas, and nothing for a day closed', () => {
    expect(parseDay('7:30-11:30, 13:30 – 17:00')).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ])
    expect(parseDay('  ')).toEqual([])
    expect(formatDay(parseDay('07:00-11:30,13:30-17:00')!)).toBe('07:00–11:30, 13:30–17:00')
  })

  it('refuses what is not an interval of the day', () => {
    for (const text of ['7h30-11h', '11:30-07:30', '07:30-25:00', '07:75-08:00', '07:30'])
      expect(parseDay(text), text).toBeNull()
  })
})
