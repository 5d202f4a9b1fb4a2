/**
 * What the statistics generator draws from, read once from a seeded database: every unit through time with its
 * period and its primary successor, every published procedure version with its period, steps and offering, and the
 * province's working calendar. Days are Vietnam-local day numbers (whole days since 1970-01-01, UTC+07:00).
 */
import type { Duration, ProcedureDefinition, ResolvedCalendar } from '@motcua/core'
import { effectiveProcessingTime } from '@motcua/core'
import type postgres from 'postgres'

export const MINUTE = 60_000
export const DAY = 86_400_000
const OFFSET = 7 * 3_600_000
/** The Vietnam-local day of an instant (epoch ms). */
export const localDay = (t: number): number => Math.floor((t + OFFSET) / DAY)
/** The instant (epoch ms) of a local day's midnight. */
export const dayStart = (day: number): number => day * DAY - OFFSET
/** 'YYYY-MM-DD' to a local day number. */
export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY
/** A local day number to 'YYYY-MM-DD'. */
export const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

/** The openings of a day in minutes since local midnight (core's `intervalsOn`, which core's index does not export). */
export const openingsOn = (cal: ResolvedCalendar, day: number) =>
  cal.holidays.has(day)
    ? []
    : cal.makeUpDays.has(day)
      ? cal.makeUpHours
      : (cal.officeHours[(((day + 4) % 7) + 7) % 7] ?? [])

export interface CatalogueUnit {
  id: string
  code: string
  electronicId: string
  level: string
  type: string
  parentId: string | null
  /** In force from this day (the first structure's units: from any earlier day too) … */
  from: number
  /** … to the day before this one (Infinity: still in force). */
  to: number
  /** The unit an open dossier moved to when this one ended (the reorganisation's primary successor), and when. */
  successor: { id: string; at: number } | null
}

/** How a dossier leaves a step forward: the step's action (receive, forward, approve, return) and its label. */
export interface StepMove {
  type: string
  /** `{"actionKey":…,"label":…}`, the event's data as the runtime writes it, ready for COPY. */
  data: string
}

export interface CatalogueStep {
  key: string
  role: string
  status: number
  /** The definition's unit reference: absent (the resolving unit), 'receiving', `{ up }` or `{ code }`. */
  unit: unknown
  forward: StepMove
}

export interface CatalogueVersion {
  id: string
  code: string
  version: number
  level: string
  units: string[] | null
  /** In force from this day to the day before `to`. */
  from: number
  to: number
  processingTime: Duration
  /** The unit code that receives its dossiers (`reception.unit.code`), null = the resolving unit. */
  receptionCode: string | null
  steps: CatalogueStep[]
  refuse: StepMove
  supplement: StepMove
  payment: { request: StepMove; confirm: StepMove } | null
}

export interface Catalogue {
  units: CatalogueUnit[]
  byId: Map<string, CatalogueUnit>
  versions: CatalogueVersion[]
  calendar: ResolvedCalendar
}

const move = (type: string, actionKey: string, label: string): StepMove => ({
  type,
  data: JSON.stringify({ actionKey, label }),
})
/** The actions every step allows (core's `availableActions`), with their keys and labels. */
export const builtInMoves = {
  acceptSupplement: move('acceptSupplement', 'nhan_bo_sung', 'Nhận hồ sơ bổ sung'),
  withdraw: move('withdraw', 'rut_ho_so', 'Rút hồ sơ theo yêu cầu của công dân'),
  stop: move('stop', 'dung_xu_ly', 'Dừng xử lý'),
}

type Action = { key: string; type: string; to?: string; label?: string }
const fromAction = (a: Action): StepMove => move(a.type, a.key, a.label ?? a.key)
const actionMove = (a: Action | undefined, fallback: StepMove): StepMove => (a ? fromAction(a) : fallback)

function versionOf(row: VersionRow): CatalogueVersion {
  const def = row.definition
  const steps = def.steps as unknown as {
    key: string
    role: string
    status: number
    unit?: unknown
    actions: Action[]
  }[]
  const first = steps[0]!
  const second = steps[1] ?? first
  const startDay = Math.max(dayOf(def.effective.from), Math.ceil((row.effective_from.getTime() + OFFSET) / DAY))
  const reception = def.reception?.unit
  const payment = first.actions.find((a) => a.type === 'requestPayment')
  const confirm = first.actions.find((a) => a.type === 'confirmPayment')
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    level: def.level,
    units: def.units ?? null,
    from: startDay,
    to: def.effective.to ? dayOf(def.effective.to) + 1 : Number.POSITIVE_INFINITY,
    processingTime: effectiveProcessingTime(def, null),
    receptionCode: reception && typeof reception === 'object' && 'code' in reception ? reception.code : null,
    steps: steps.map((s, i) => {
      const next = steps[i + 1]
      const leaving = next
        ? (s.actions.find((a) => a.to === next.key && a.type !== 'sendBack') ??
          s.actions.find((a) => a.type === 'receive' || a.type === 'forward' || a.type === 'approve'))
        : s.actions.find((a) => a.type === 'return')
      return {
        key: s.key,
        role: s.role,
        status: s.status,
        unit: s.unit,
        forward: actionMove(leaving, move(next ? 'forward' : 'return', next ? 'chuyen' : 'tra_ket_qua', 'Chuyển')),
      }
    }),
    refuse: actionMove(
      first.actions.find((a) => a.type === 'refuse'),
      move('refuse', 'tu_choi', 'Từ chối tiếp nhận'),
    ),
    supplement: actionMove(
      second.actions.find((a) => a.type === 'requestSupplement') ??
        first.actions.find((a) => a.type === 'requestSupplement'),
      move('requestSupplement', 'yeu_cau_bo_sung', 'Yêu cầu bổ sung hồ sơ'),
    ),
    payment: payment && confirm ? { request: fromAction(payment), confirm: fromAction(confirm) } : null,
  }
}

interface VersionRow {
  id: string
  code: string
  version: number
  effective_from: Date
  definition: ProcedureDefinition
}

/** Reads the units, their links and the published versions; the calendar is the province's (`default`). */
export async function loadCatalogue(sql: postgres.Sql, calendar: ResolvedCalendar): Promise<Catalogue> {
  const rows = await sql<
    {
      id: string
      code: string
      electronic_id: string
      level: string
      type: string
      parent_id: string | null
      effective_from: string
      effective_to: string | null
    }[]
  >`select id, code, electronic_id, level, type, parent_id, effective_from::text, effective_to::text from units`
  const links = await sql<{ predecessor_id: string; successor_id: string }[]>`
    select predecessor_id, successor_id from unit_links where "primary"`
  const successorOf = new Map(links.map((l) => [l.predecessor_id, l.successor_id]))
  const earliest = Math.min(...rows.map((r) => dayOf(r.effective_from)))
  const units: CatalogueUnit[] = rows.map((r) => {
    const to = r.effective_to ? dayOf(r.effective_to) : Number.POSITIVE_INFINITY
    const successor = successorOf.get(r.id)
    return {
      id: r.id,
      code: r.code,
      electronicId: r.electronic_id,
      level: r.level,
      type: r.type,
      parentId: r.parent_id,
      from: dayOf(r.effective_from) === earliest ? Number.NEGATIVE_INFINITY : dayOf(r.effective_from),
      to,
      successor: successor && Number.isFinite(to) ? { id: successor, at: dayStart(to) } : null,
    }
  })
  const versions = await sql<VersionRow[]>`
    select pv.id, p.code, pv.version, pv.effective_from, pv.definition
    from procedure_versions pv join procedures p on p.id = pv.procedure_id
    order by p.code, pv.version`
  return { units, byId: new Map(units.map((u) => [u.id, u])), versions: versions.map(versionOf), calendar }
}

/**
 * The unit that has a dossier's work at `until` (epoch ms; Infinity = now): the unit it was filed with, moved to the
 * primary successor by each reorganisation that took effect after `since` while it was open, as `applyPlan` does.
 */
export function unitAfterMoves(catalogue: Catalogue, unitId: string, since: number, until: number): string {
  let unit = catalogue.byId.get(unitId)!
  while (unit.successor && unit.successor.at > since && unit.successor.at <= until)
    unit = catalogue.byId.get(unit.successor.id)!
  return unit.id
}
