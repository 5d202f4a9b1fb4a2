import { describe, expect, it } from 'vitest'
import { createCalendar, defaultOfficeHours } from './calendar'
import { calendarEntriesBetween } from './calendar-entries'
import { officialCalendar } from './official-calendar'
import { at, official } from './test-support'

describe('calendarEntriesBetween', () => {
  it('lists the days off and make-up days that changed the working time, local dates included', () => {
    // 2wd from Tuesday 29/4/2025 10:00 is due Tuesday 6/5 10:00 (Thông báo 6150/TB-BLĐTBXH: 30/4–4/5 off)
    expect(calendarEntriesBetween(official, at('2025-04-29T10:00:00+07:00'), at('2025-05-06T10:00:00+07:00'))).toEqual([
      { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
      { date: '2025-05-02', kind: 'holiday', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)' },
    ])
    // in either order; 23:30 UTC on 25/4 is already Saturday 26/4 in Vietnam, the make-up day
    expect(calendarEntriesBetween(official, at('2025-04-25T23:30:00Z'), at('2025-04-25T09:00:00+07:00'))).toEqual([
      { date: '2025-04-26', kind: 'makeUp', name: 'Làm bù cho thứ Sáu 02/05/2025' },
    ])
  })

  it('leaves out a holiday on a day the office is closed anyway', () => {
    // Giỗ Tổ 2026 is Sunday 26/4: only its nghỉ bù on Monday 27/4 changed anything
    expect(calendarEntriesBetween(official, at('2026-04-24T10:00:00+07:00'), at('2026-04-28T10:00:00+07:00'))).toEqual([
      { date: '2026-04-27', kind: 'holiday', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    ])
    // …unless that office opens on Sunday
    const sundays = createCalendar({
      ...officialCalendar(2026, 2026).calendar,
      officeHours: defaultOfficeHours.map((day, i) => (i === 0 ? [{ start: '07:30', end: '11:30' }] : day)),
    })
    expect(
      calendarEntriesBetween(sundays, at('2026-04-24T10:00:00+07:00'), at('2026-04-28T10:00:00+07:00')).map(
        (e) => e.date,
      ),
    ).toEqual(['2026-04-26', '2026-04-27'])
    expect(calendarEntriesBetween(official, at('2025-03-10T10:00:00+07:00'), at('2025-03-14T10:00:00+07:00'))).toEqual(
      [],
    )
  })
})
