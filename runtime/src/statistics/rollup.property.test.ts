import { classify, counterKeys, figuresOf, monthOf, nextMonth, type StatCounters, zeroCounters } from '@motcua/core'
import { dossierStatDays, dossierStatMonths, dossiers, procedureVersions, units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq, like, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestRuntime, type TestRuntime } from '../testing'
import { readCells } from './rollup'

type Row = typeof dossiers.$inferSelect
const HOUR = 3_600_000
const START = Date.parse('2025-01-01T00:00:00+07:00')

/** What a random history does to one dossier, in the order of a moving clock (hours after the previous action). */
type Action =
  | { kind: 'file'; unit: number; version: number; channel: 1 | 2 | 3; after: number }
  | { kind: 'receive'; dossier: number; after: number; dueHours: number | null }
  | { kind: 'pause' | 'resume' | 'resolve' | 'return'; dossier: number; after: number }
  | { kind: 'end'; dossier: number; after: number; status: 3 | 7 | 8 }
  | { kind: 'extend'; dossier: number; hours: number }
  | { kind: 'reorganise'; from: number; to: number }

// mostly hours apart, sometimes weeks: histories cross months and deadlines
const after = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 30 }), weight: 4 }, fc.integer({ min: 0, max: 24 * 20 }))
const dossier = fc.nat(40)
const file = fc.record({
  kind: fc.constant('file' as const),
  unit: fc.nat(3),
  version: fc.nat(2),
  channel: fc.constantFrom(1 as const, 2 as const, 3 as const),
  after,
})
const action: fc.Arbitrary<Action> = fc.oneof(
  file,
  {
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      dossier,
      after,
      dueHours: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: null, freq: 8 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('pause' as const, 'resume' as const, 'resolve' as const, 'return' as const),
      dossier,
      after,
    }),
    weight: 6,
  },
  fc.record({
    kind: fc.constant('end' as const),
    dossier,
    after,
    status: fc.constantFrom(3 as const, 7 as const, 8 as const),
  }),
  fc.record({ kind: fc.constant('extend' as const), dossier, hours: fc.integer({ min: 1, max: 24 * 10 }) }),
  fc.record({ kind: fc.constant('reorganise' as const), from: fc.nat(3), to: fc.nat(3) }),
)
const history = fc
  .tuple(fc.array(file, { minLength: 3, maxLength: 20 }), fc.array(action, { minLength: 5, maxLength: 100 }))
  .map(([files, actions]) => [...files, ...actions])

/** The rollup recomputed in JavaScript from the dossiers, with core's `classify` as the one rule of timeliness. */
function recompute(rows: Row[]) {
  const months = new Map<string, StatCounters>()
  const days = new Map<string, number>()
  const bump = (at: Date, d: Row, change: Partial<StatCounters>) => {
    const key = `${monthOf(at)}|${d.filedUnitId}|${d.procedureVersionId}`
    const counters = months.get(key) ?? zeroCounters()
    for (const [k, v] of Object.entries(change)) counters[k as keyof StatCounters] += v
    months.set(key, counters)
  }
  for (const d of rows) {
    const rec = d.receivedAt ?? d.doneAt
    const leave = d.doneAt ?? d.endedAt
    if (rec) bump(rec, d, { [['receivedCounter', 'receivedOnline', 'receivedPost'][d.channel - 1]!]: 1 })
    if (d.doneAt && rec) {
      const verdict = classify({ dueAt: d.dueAt, doneAt: d.doneAt, now: d.doneAt })
      const used = Math.floor((d.doneAt.getTime() - rec.getTime()) / 1000)
      bump(d.doneAt, d, {
        [verdict === 'early' ? 'resolvedEarly' : verdict === 'late' ? 'resolvedLate' : 'resolvedOnTime']: 1,
        usedSeconds: used,
        allowedSeconds: d.dueAt ? Math.floor((d.dueAt.getTime() - rec.getTime()) / 1000) : 0,
        timed: d.dueAt ? 1 : 0,
        timedUsedSeconds: d.dueAt ? used : 0,
      })
      const key = `${monthOf(d.doneAt)}|${d.filedUnitId}|${Math.min(Math.max(Math.floor(used / 86_400), 0), 365)}`
      days.set(key, (days.get(key) ?? 0) + 1)
    } else if (d.endedAt) {
      bump(d.endedAt, d, {
        refused: d.status === 3 ? 1 : 0,
        withdrawn: d.status === 7 ? 1 : 0,
        stopped: d.status === 8 ? 1 : 0,
        closed: rec ? 1 : 0,
      })
    }
    if (rec && d.dueAt) {
      // open and past its deadline as classify() judges it (at the pause while paused), or left after it
      const overdueNow =
        !leave && classify({ dueAt: d.dueAt, pausedAt: d.pausedAt, now: new Date(8.64e15) }) === 'overdue'
      if (overdueNow || (leave && leave > d.dueAt)) bump(d.dueAt, d, { fellDue: 1 })
      if (leave && leave > d.dueAt) bump(leave, d, { leftOverdue: 1 })
    }
  }
  return { months, days }
}

const nonZero = (c: StatCounters) => counterKeys.some((k) => c[k] !== 0)

describe.each(testDrivers())('the statistics rollup on $name', ({ open }) => {
  let runtime: TestRuntime
  let unitIds: string[]
  let versionIds: string[]

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { demo: false })
    const { db } = runtime.database
    unitIds = (await db.select({ id: units.id }).from(units).where(eq(units.level, 'commune')).limit(4)).map(
      (u) => u.id,
    )
    versionIds = (await db.select({ id: procedureVersions.id }).from(procedureVersions).limit(3)).map((v) => v.id)
  })
  afterAll(() => runtime?.close())

  /** Plays the actions as the runtime's writes would leave the rows (each one a statement the triggers see). */
  async function play(actions: Action[], run: number) {
    const { db } = runtime.database
    let clock = START
    const filed: string[] = []
    for (const a of actions) {
      if ('after' in a) clock += a.after * HOUR
      const at = new Date(clock)
      if (a.kind === 'file') {
        const [row] = await db
          .insert(dossiers)
          .values({
            receiptCode: `PT-${run}-${filed.length}`,
            lookupPinHash: 'x',
            procedureVersionId: versionIds[a.version % versionIds.length]!,
            unitId: unitIds[a.unit]!,
            filedUnitId: unitIds[a.unit]!,
            currentUnitId: unitIds[a.unit]!,
            channel: a.channel,
            status: 1,
            currentStep: 'tiep_nhan',
            applicant: { fullName: 'Thử' },
            formData: {},
            submittedAt: at,
          })
          .returning({ id: dossiers.id })
        filed.push(row!.id)
        continue
      }
      if (a.kind === 'reorganise') {
        // as a reorganisation moves the open dossiers of an ending unit to its successor
        await db
          .update(dossiers)
          .set({ unitId: unitIds[a.to]!, currentUnitId: unitIds[a.to]! })
          .where(
            sql`${dossiers.unitId} = ${unitIds[a.from]!} and ${dossiers.endedAt} is null and ${dossiers.receiptCode} like ${`PT-${run}-%`}`,
          )
        continue
      }
      const id = filed[a.dossier % Math.max(filed.length, 1)]
      if (!id) continue
      const [d] = await db.select().from(dossiers).where(eq(dossiers.id, id))
      if (!d || d.endedAt) continue
      const set: Partial<Row> = {}
      switch (a.kind) {
        case 'receive':
          if (d.receivedAt) continue
          Object.assign(set, {
            receivedAt: at,
            status: 2,
            dueAt: a.dueHours === null ? null : new Date(clock + a.dueHours * HOUR),
          })
          break
        case 'pause':
          if (d.pausedAt || d.doneAt) continue
          Object.assign(set, { pausedAt: at, status: 5 })
          break
        case 'resume':
          if (!d.pausedAt) continue
          Object.assign(set, {
            pausedAt: null,
            status: 4,
            dueAt: d.dueAt && new Date(d.dueAt.getTime() + (clock - d.pausedAt.getTime())),
          })
          break
        case 'extend':
          if (!d.dueAt || d.doneAt) continue
          set.dueAt = new Date(d.dueAt.getTime() + a.hours * HOUR)
          break
        case 'resolve':
          if (d.doneAt || !d.receivedAt) continue
          Object.assign(set, { doneAt: at, status: 9, pausedAt: null })
          break
        case 'return':
          if (!d.doneAt) continue
          Object.assign(set, { returnedAt: at, endedAt: at, status: 10, currentStep: null })
          break
        case 'end':
          if (d.doneAt) continue
          Object.assign(set, { endedAt: at, status: a.status, currentStep: null, pausedAt: null })
          break
      }
      await db.update(dossiers).set(set).where(eq(dossiers.id, id))
    }
  }

  async function compare() {
    const { db } = runtime.database
    const rows = await db.select().from(dossiers)
    const expected = recompute(rows)
    const actualMonths = new Map<string, StatCounters>()
    for (const r of await db.select().from(dossierStatMonths)) {
      const counters = zeroCounters()
      for (const k of counterKeys) counters[k] = Number(r[k])
      if (nonZero(counters)) actualMonths.set(`${r.month.slice(0, 7)}|${r.unitId}|${r.procedureVersionId}`, counters)
    }
    const expectedMonths = new Map([...expected.months].filter(([, c]) => nonZero(c)))
    expect(Object.fromEntries(actualMonths)).toEqual(Object.fromEntries(expectedMonths))
    const actualDays = new Map<string, number>()
    for (const r of await db.select().from(dossierStatDays))
      if (r.resolved !== 0) actualDays.set(`${r.month.slice(0, 7)}|${r.unitId}|${r.days}`, r.resolved)
    expect(Object.fromEntries(actualDays)).toEqual(Object.fromEntries(expected.days))
    return rows
  }

  it('equals a recomputation from the dossiers after any sequence of actions, reorganisations included', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(history, async (actions) => {
        run++
        try {
          await check(actions, run)
        } finally {
          // leave the database as it was for the next run, the rollup included
          await runtime.database.db.delete(dossiers).where(like(dossiers.receiptCode, `PT-${run}-%`))
        }
        expect(
          await runtime.database.db
            .select()
            .from(dossierStatMonths)
            .where(sql`received_counter + received_online + received_post <> 0`),
        ).toEqual([])
      }),
      { numRuns: 25 },
    )
  })

  async function check(actions: Action[], run: number) {
    await play(actions, run)
    const rows = await compare()
    // a period's figures from the rollup equal those counted straight from the dossiers
    const from = monthOf(new Date(START + 30 * 24 * HOUR))
    const to = nextMonth(nextMonth(from))
    const S = new Date(`${from}-01T00:00:00+07:00`)
    const E = new Date(`${nextMonth(to)}-01T00:00:00+07:00`)
    const cells = await readCells(runtime.database.db, { from, to }, unitIds)
    const during = cells.reduce((acc, c) => {
      for (const k of counterKeys) acc[k] += c.during[k]
      return acc
    }, zeroCounters())
    const figures = figuresOf({
      carriedOver: cells.reduce((n, c) => n + c.carriedOver, 0),
      during,
      overdueAtEnd: cells.reduce((n, c) => n + c.overdueAtEnd, 0),
      medianDays: null,
    })
    const rec = (d: Row) => d.receivedAt ?? d.doneAt
    const leave = (d: Row) => d.doneAt ?? d.endedAt
    const openAt = (d: Row, t: Date) => rec(d) !== null && rec(d)! < t && !(leave(d) && leave(d)! < t)
    const inPeriod = (t: Date | null) => t !== null && t >= S && t < E
    expect(figures.carriedOver).toBe(rows.filter((d) => openAt(d, S)).length)
    expect(figures.received.total).toBe(rows.filter((d) => inPeriod(rec(d))).length)
    expect(figures.resolved.total).toBe(rows.filter((d) => inPeriod(d.doneAt)).length)
    expect(figures.resolved.late).toBe(rows.filter((d) => inPeriod(d.doneAt) && d.dueAt && d.doneAt! > d.dueAt).length)
    expect(figures.inProgress.total).toBe(rows.filter((d) => openAt(d, E)).length)
    expect(figures.refused + figures.withdrawn + figures.stopped).toBe(
      rows.filter((d) => !d.doneAt && inPeriod(d.endedAt)).length,
    )
    // the rebuild from scratch gives the same tables as the triggers kept
    await runtime.database.db.execute(sql`select motcua_stats_rebuild()`)
    await compare()
  }
})
