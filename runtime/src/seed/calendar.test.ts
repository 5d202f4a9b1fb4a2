import { calendarYear, computeDue, createCalendar } from '@motcua/core'
import { calendarDays, calendarYears, seedRuns, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { and, eq, isNull, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'
import { seed } from '.'
import { officialYearsStep, SEEDED_YEARS } from './calendar'

const years = Array.from({ length: SEEDED_YEARS.to - SEEDED_YEARS.from + 1 }, (_, i) => SEEDED_YEARS.from + i)

describe.each(testDrivers())('the seeded calendar on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = new Date('2029-12-28T10:00:00+07:00') // a Friday
  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('holds every year of core’s calendarYear, each day with its source and each year with its status', async () => {
    const { db } = runtime.database
    const stored = await db.select().from(calendarYears).where(eq(calendarYears.calendarCode, 'default'))
    expect(stored.sort((a, b) => a.year - b.year).map((y) => [y.year, y.provisional, y.source])).toEqual(
      years.map((y) => [y, calendarYear(y).provisional, calendarYear(y).source]),
    )
    const days = await db.select().from(calendarDays).where(eq(calendarDays.calendarCode, 'default'))
    for (const y of years)
      for (const d of calendarYear(y).holidays.filter((h) => h.date.startsWith(`${y}-`)))
        expect(days).toContainEqual(expect.objectContaining({ date: d.date, kind: 'holiday', source: d.source }))
    expect(days.filter((d) => d.source === null)).toEqual([])
  })

  it('brings an install seeded before sources to core’s years through an administrator’s edit: due dates moved, with events; an administrator’s year kept', async () => {
    const { db } = runtime.database
    // the state an older release left: the law's days without sources, no year records, one day missing
    const firstOf2030 = calendarYear(2030).holidays[0]!
    await db.delete(seedRuns).where(like(seedRuns.name, 'calendar:official-years@%'))
    await db.insert(seedRuns).values({ name: 'calendar:statutory-2019-2035' })
    await db.delete(calendarYears)
    await db.update(calendarDays).set({ source: null })
    await db.delete(calendarDays).where(eq(calendarDays.date, firstOf2030.date))
    // …and a year an administrator has edited since
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'))
    await db.insert(calendarYears).values({
      calendarCode: 'default',
      year: 2031,
      provisional: false,
      source: 'Văn bản của tỉnh (dữ liệu thử)',
      updatedBy: admin!.id,
    })
    runtime.units.invalidate()

    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh'), '193'),
    )
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    const token = await signIn(runtime, 'tiepnhan.193')
    const desk = (path: string, init: RequestInit = {}) =>
      runtime.app.request(path, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      })
    const received = await desk(`/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      method: 'POST',
      body: JSON.stringify({ expectedVersion: 1 }),
    })
    expect(received.status).toBe(200)
    const dueBefore = ((await received.json()) as { dueAt: string }).dueAt

    now = new Date('2029-12-28T11:00:00+07:00')
    expect(await seed(db)).toEqual([officialYearsStep()])

    // what core's engine gives with core's years (the law, or the decision once published)
    const official = [calendarYear(2029), calendarYear(2030)]
    const calendar = createCalendar({
      holidays: official.flatMap((y) => y.holidays),
      makeUpDays: official.flatMap((y) => y.makeUpDays),
    })
    const expected = computeDue(calendar, new Date('2029-12-28T10:00:00+07:00'), { kind: 'workingDays', days: 3 })!
    expect(expected.getTime()).toBeGreaterThan(new Date(dueBefore).getTime())
    const view = (await (await desk(`/api/desk/dossiers/${receiptCode}`)).json()) as {
      dueAt: string
      events: { action: string; data: Record<string, unknown> }[]
    }
    expect(view.dueAt).toBe(expected.toISOString())
    expect(view.events.at(-1)).toMatchObject({
      action: 'calendarChange',
      data: { dueAtBefore: dueBefore, dueAtAfter: expected.toISOString() },
    })
    const unsourced = await db.select().from(calendarDays).where(isNull(calendarDays.source))
    expect(unsourced.filter((d) => !d.date.startsWith('2031-'))).toEqual([])
    const [kept] = await db
      .select()
      .from(calendarYears)
      .where(and(eq(calendarYears.calendarCode, 'default'), eq(calendarYears.year, 2031)))
    expect(kept).toMatchObject({ provisional: false, source: 'Văn bản của tỉnh (dữ liệu thử)' })
    expect(await seed(db)).toEqual([]) // once only
  })
})
