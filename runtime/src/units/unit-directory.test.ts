import { units } from '@motcua/db'
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
    expect((await runtime.units.subtree(await id('22'))).length).toBe(221)
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
})
