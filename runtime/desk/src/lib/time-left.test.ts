import { describe, expect, it } from 'vitest'
import { timeLeft, workingSpan } from './time-left'

describe('the working time an officer reads', () => {
  it('names the two largest units of working time, days of the unit’s own length', () => {
    expect(workingSpan(2 * 480 + 180, 480, 'vi')).toBe('2 ngày 3 giờ')
    expect(workingSpan(480, 480, 'vi')).toBe('1 ngày')
    expect(workingSpan(330, 480, 'vi')).toBe('5 giờ 30 phút')
    expect(workingSpan(45, 480, 'en')).toBe('45 minutes')
    expect(workingSpan(60 + 1, 480, 'en')).toBe('1 hour 1 minute')
    // a unit working 9 hours a day
    expect(workingSpan(540, 540, 'en')).toBe('1 day')
  })

  it('says how long is left, how long overdue, and that the clock is stopped', () => {
    const d = { workingDayMinutes: 480, paused: false }
    expect(timeLeft({ ...d, workingMinutesLeft: 2 * 480 + 180 }, 'vi')).toEqual({
      text: 'còn 2 ngày 3 giờ',
      tone: 'ok',
    })
    expect(timeLeft({ ...d, workingMinutesLeft: 200 }, 'vi')).toEqual({ text: 'còn 3 giờ 20 phút', tone: 'soon' })
    expect(timeLeft({ ...d, workingMinutesLeft: -480 }, 'vi')).toEqual({ text: 'quá hạn 1 ngày', tone: 'overdue' })
    expect(timeLeft({ ...d, workingMinutesLeft: -30 }, 'en')).toEqual({ text: '30 minutes overdue', tone: 'overdue' })
    expect(timeLeft({ ...d, paused: true, workingMinutesLeft: 240 }, 'vi').tone).toBe('paused')
    expect(timeLeft({ ...d, workingMinutesLeft: null }, 'vi')).toEqual({ text: null, tone: 'none' })
  })
})
