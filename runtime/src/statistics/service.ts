import {
  type MonthPoint,
  monthOf,
  nextMonth,
  type ProcedureFigures,
  type ProvinceStatistics,
  type StatPeriod,
  type StatStructure,
  type UnitStatistics,
  vietnamDate,
} from '@motcua/core'
import { type Db, unitLevels } from '@motcua/db'
import { asc } from 'drizzle-orm'
import type { ProcedureRegistry, PublishedVersion } from '../procedures/registry'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { catalogueSummary, offeredBy } from './catalogue'
import { Groups } from './groups'
import { readRatings } from './ratings'
import { type Cell, readCells, readDays, readLive, readMonths } from './rollup'
import { inForce, statUnits } from './structure'

export interface StatServices {
  db: Db
  units: UnitDirectory
  registry: ProcedureRegistry
}

export interface StatQuery {
  period: StatPeriod
  structure: StatStructure
  now: Date
}

/** The instant the period's figures are judged at: its last moment, or now for a period that reaches today. */
const endOf = (q: StatQuery): Date =>
  new Date(Math.min(q.now.getTime(), new Date(`${nextMonth(q.period.to)}-01T00:00:00+07:00`).getTime() - 1))

/** Whether a unit existed at some time in the period (`then`), or is in force today (`now`). */
function listedIn(q: StatQuery) {
  const first = `${q.period.from}-01`
  const last = vietnamDate(endOf(q))
  const today = vietnamDate(q.now)
  return (u: UnitRow) =>
    q.structure === 'now' ? inForce(u, today) : u.effectiveFrom <= last && (!u.effectiveTo || u.effectiveTo > first)
}

/** The rollup's cells for the query (with the live counts when the period reaches today), and the versions they name. */
async function gather(s: StatServices, q: StatQuery, unitIds?: string[]) {
  const live = q.period.to === monthOf(q.now)
  const [cells, days, liveRows] = await Promise.all([
    readCells(s.db, q.period, unitIds),
    readDays(s.db, q.period, unitIds),
    live ? readLive(s.db, q.now, unitIds) : Promise.resolve([]),
  ])
  const byKey = new Map(cells.map((c) => [`${c.unitId}|${c.procedureVersionId}`, c]))
  for (const row of liveRows) {
    const key = `${row.unitId}|${row.procedureVersionId}`
    const cell = byKey.get(key)
    if (cell) cell.live = row.live
  }
  const versions = new Map<string, PublishedVersion>()
  for (const id of new Set(cells.map((c) => c.procedureVersionId))) {
    const version = await s.registry.byId(id)
    if (version) versions.set(id, version)
  }
  return { live, cells, days, versions }
}

function monthPoints(rows: Awaited<ReturnType<typeof readMonths>>, period: StatPeriod): MonthPoint[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  const points: MonthPoint[] = []
  for (let month = period.from; month <= period.to; month = nextMonth(month)) {
    const r = byMonth.get(month)
    points.push({
      month,
      received: { counter: r?.counter ?? 0, online: r?.online ?? 0, post: r?.post ?? 0 },
      resolved: { early: r?.early ?? 0, onTime: r?.onTime ?? 0, late: r?.late ?? 0 },
    })
  }
  return points
}

/** Figures by field and by procedure (named by its newest version among the cells) from a set of cells. */
function byProcedure(cells: Cell[], versions: ReadonlyMap<string, PublishedVersion>, live: boolean) {
  const fields = new Groups(live)
  const procedures = new Groups(live)
  const named = new Map<string, PublishedVersion>()
  for (const cell of cells) {
    const version = versions.get(cell.procedureVersionId)
    if (!version) continue
    fields.add(version.definition.field, cell)
    procedures.add(version.code, cell)
    const known = named.get(version.code)
    if (!known || known.publishedAt < version.publishedAt) named.set(version.code, version)
  }
  return {
    fields: fields
      .keys()
      .sort((a, b) => a.localeCompare(b, 'vi'))
      .map((field) => ({ field, figures: fields.figures(field) })),
    procedures: [...named.values()]
      .sort((a, b) => a.definition.name.localeCompare(b.definition.name, 'vi'))
      .map(
        (v): ProcedureFigures => ({
          code: v.code,
          name: v.definition.name,
          field: v.definition.field,
          onlineMode: v.definition.onlineMode.mode,
          figures: procedures.figures(v.code),
        }),
      ),
  }
}

/** `GET /api/statistics`: the province, its levels, every unit, the monthly trend, fields and procedures. */
export async function provinceStatistics(s: StatServices, q: StatQuery): Promise<ProvinceStatistics> {
  const su = await statUnits(s.units, q.structure, q.now)
  const [{ live, cells, days, versions }, months, levels, ratings] = await Promise.all([
    gather(s, q),
    readMonths(s.db, q.period),
    s.db.select().from(unitLevels).orderBy(asc(unitLevels.tier), asc(unitLevels.code)),
    readRatings(s.db, q.period),
  ])
  const listed = listedIn(q)
  const unitsShown = new Set(su.all.filter(listed).map((u) => u.id))
  const byUnit = new Groups(live)
  const byLevel = new Groups(live)
  const total = new Groups(live)
  const levelOf = (unitId: string) => su.byId.get(unitId)?.level ?? ''
  for (const cell of cells) {
    const unit = su.reportingOf(cell.unitId)
    unitsShown.add(unit)
    byUnit.add(unit, cell)
    byLevel.add(levelOf(unit), cell)
    total.add('', cell)
  }
  for (const d of days) {
    const unit = su.reportingOf(d.unitId)
    byUnit.addDays(unit, d.days, d.resolved)
    byLevel.addDays(levelOf(unit), d.days, d.resolved)
    total.addDays('', d.days, d.resolved)
  }
  const shown = [...unitsShown].map((id) => su.byId.get(id)!).filter(Boolean)
  const offered = await offeredBy(s.registry, s.units, shown.filter(listed), endOf(q))
  const offeredIn = (us: UnitRow[]) => catalogueSummary(us.flatMap((u) => offered.get(u.id) ?? []))
  const province =
    shown.find((u) => u.level === 'province' && !u.parentId) ?? su.all.find((u) => u.level === 'province')!
  return {
    period: q.period,
    structure: q.structure,
    asOf: q.now.toISOString(),
    province: su.view(province),
    figures: total.figures(''),
    levels: levels
      .map((l) => ({ level: l, members: shown.filter((u) => u.level === l.code) }))
      .filter(({ members }) => members.length > 0)
      .map(({ level, members }) => ({
        level: level.code,
        name: level.nameVi,
        units: members.length,
        figures: byLevel.figures(level.code),
        catalogue: offeredIn(members),
      })),
    units: shown.map((u) => ({ unit: su.view(u), figures: byUnit.figures(u.id) })),
    months: monthPoints(months, q.period),
    ...byProcedure(cells, versions, live),
    catalogue: offeredIn(shown),
    ratings,
  }
}

/** `GET /api/statistics/units/:code`: one unit, its children, fields and procedures; undefined for an unknown code. */
export async function unitStatistics(
  s: StatServices,
  code: string,
  q: StatQuery,
  /** The day (YYYY-MM-DD) the unit bore the code, for a code several units bore over time. */
  at?: string,
): Promise<UnitStatistics | undefined> {
  const su = await statUnits(s.units, q.structure, q.now)
  const listed = listedIn(q)
  const bearer = at ? su.all.find((u) => u.code === code && inForce(u, at)) : undefined
  // `at`: that day's bearer (under `now`, the unit its work went to); `then`: the newest that bore it in the period;
  // `now`: today's, or the one that took its work over
  const unit = at
    ? bearer && su.byId.get(su.reportingOf(bearer.id))
    : ((q.structure === 'then' ? su.all.find((u) => u.code === code && listed(u)) : undefined) ??
      (await s.units.byCode(code, vietnamDate(q.structure === 'now' ? q.now : endOf(q)))))
  if (!unit) return undefined
  const children = su.all.filter((u) => u.parentId === unit.id && listed(u))
  const own = su.filedUnitsOf(unit.id)
  const [{ live, cells, days, versions }, months, lineage, ratings] = await Promise.all([
    gather(s, q, [...own, ...children.flatMap((c) => su.filedUnitsOf(c.id))]),
    readMonths(s.db, q.period, own),
    s.units.lineage(unit.id),
    readRatings(s.db, q.period, own),
  ])
  const byUnit = new Groups(live)
  for (const cell of cells) byUnit.add(su.reportingOf(cell.unitId), cell)
  for (const d of days) byUnit.addDays(su.reportingOf(d.unitId), d.days, d.resolved)
  const offered = await offeredBy(s.registry, s.units, [unit], endOf(q))
  return {
    period: q.period,
    structure: q.structure,
    asOf: q.now.toISOString(),
    unit: su.view(unit),
    ancestors: lineage
      .slice(1)
      .reverse()
      .map((id) => su.byId.get(id))
      .filter((u): u is UnitRow => u !== undefined)
      .map(su.view),
    figures: byUnit.figures(unit.id),
    months: monthPoints(months, q.period),
    children: children.map((c) => ({ unit: su.view(c), figures: byUnit.figures(c.id) })),
    ...byProcedure(
      cells.filter((c) => su.reportingOf(c.unitId) === unit.id),
      versions,
      live,
    ),
    catalogue: catalogueSummary(offered.get(unit.id) ?? []),
    predecessors: own.filter((id) => id !== unit.id).map((id) => su.view(su.byId.get(id)!)),
    ratings,
  }
}
