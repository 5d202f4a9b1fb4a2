import { workingMinutesBetween } from '@motcua/core'
import { calendarDays, units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestRuntime, type TestRuntime } from '../testing'
import { UNITS_CHANNEL } from './unit-directory'

describe.each(testDrivers())('the unit directory on $name', ({ open }) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await openTestRuntime(open, { demo: false, library: false })
  })
  afterAll(() => runtime?.close())
  const id = async (code: string) => (await runtime.units.byCode(code))!.id

  it('walks up from a ward to its city and the province, and down from a district to its communes', async () => {
    expect(await runtime.units.lineage(await id('06649'))).toEqual([await id('06649'), await id('193'), await id('22')])
    const coTo = await runtime.units.subtree(await id('207'))
    expect(coTo).toHaveLength(4) // Huyện Cô Tô and its 3 communes
    expect((await runtime.units.subtree(await id('22'))).length).toBe(222) // with the provincial tax office
  })

  it('reloads when a reorganisation is notified', async () => {
    expect((await runtime.units.byCode('06649'))!.name).toBe('Phường Hà Khánh')
    await runtime.database.db.transaction(async (tx) => {
      await tx.update(units).set({ name: 'Phường Hà Khánh (mới)' }).where(eq(units.code, '06649'))
      await tx.execute(sql`select pg_notify(${UNITS_CHANNEL}, '06649')`)
    })
    await expect
      .poll(async () => (await runtime.units.byCode('06649'))!.name, { timeout: 2000 })
      .toBe('Phường Hà Khánh (mới)')
  })

  it('keeps the working calendars, and reloads them when a change is notified', async () => {
    const ward = await id('06649')
    const friday = [new Date('2030-03-08T07:00:00+07:00'), new Date('2030-03-08T17:00:00+07:00')] as const
    expect(workingMinutesBetween(await runtime.units.calendarOf(ward), ...friday)).toBe(480)
    await runtime.database.db.transaction(async (tx) => {
      await tx
        .insert(calendarDays)
        .values({ calendarCode: 'default', date: '2030-03-08', kind: 'holiday', name: 'Nghỉ bù' })
      await tx.execute(sql`select pg_notify(${UNITS_CHANNEL}, 'calendar')`)
    })
    await expect.poll(async () => workingMinutesBetween(await runtime.units.calendarOf(ward), ...friday)).toBe(0)
  })
})
