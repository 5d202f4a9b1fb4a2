import { computeDue } from '@motcua/core'
import { calendarDays, type Database } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCalendar } from './calendar'
import { seed } from './seed'

describe.each(testDrivers())('the working calendar on $name', ({ open }) => {
  let database: Database
  beforeAll(async () => {
    database = await open()
    await seed(database.db)
  })
  afterAll(() => database?.close())

  it('is seeded with the official calendar, swapped days and lunar holidays included', async () => {
    const calendar = await loadCalendar(database.db)
    // received Tuesday 29/4/2025 10:00; 30/4 and 1/5 are holidays and 2/5 was swapped for Saturday 26/4
    // (Công văn 8726/VPCP-KGVX): 2 working days → Tuesday 6/5 10:00
    expect(computeDue(calendar!, new Date('2025-04-29T10:00:00+07:00'), { kind: 'workingDays', days: 2 })).toEqual(
      new Date('2025-05-06T10:00:00+07:00'),
    )
    // Giỗ Tổ Hùng Vương 2026 (10/3 lunar) is Sunday 26/4 → Monday 27/4 off; 30/4 Thu, 1/5 Fri
    expect(computeDue(calendar!, new Date('2026-04-24T16:00:00+07:00'), { kind: 'workingHours', hours: 2 })).toEqual(
      new Date('2026-04-28T08:00:00+07:00'),
    )
  })

  it('takes an administrator’s make-up working day into account', async () => {
    await database.db
      .insert(calendarDays)
      .values({ calendarCode: 'default', date: '2027-05-08', kind: 'makeUp', name: 'Làm bù (dữ liệu thử)' })
    const calendar = await loadCalendar(database.db)
    expect(computeDue(calendar!, new Date('2027-05-07T16:00:00+07:00'), { kind: 'workingHours', hours: 2 })).toEqual(
      new Date('2027-05-08T08:00:00+07:00'),
    )
  })
})
