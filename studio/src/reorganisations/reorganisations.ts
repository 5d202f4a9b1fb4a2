import { matchesQuery, type ReorganisationReport, type UnitBrief } from '@motcua/core'
import { api } from '@motcua/web-kit'

export type { ReorganisationReport, UnitBrief }

export type PlanStatus = 'scheduled' | 'applied' | null

/** A plan of `GET /api/admin/reorganisations`: shipped in reorganisations/, or taken (scheduled or applied). */
export interface PlanSummary {
  name: string
  title: string
  effectiveDate: string
  status: PlanStatus
  appliedAt: string | null
  shipped: boolean
}

/** A plan with its status and, once applied, the report stored then (`GET /api/admin/reorganisations/:name`). */
export interface PlanRecord {
  plan: { name: string; title: string; effectiveDate: string; notes?: string }
  status: PlanStatus
  appliedAt: string | null
  report: ReorganisationReport | null
}

/** A shipped plan by its name, or one the administrator uploaded. */
export type PlanSource = { name: string } | { plan: Record<string, unknown> }

/** The plans, by date (then name). */
export const listPlans = async (): Promise<PlanSummary[]> =>
  (await api<PlanSummary[]>('/api/admin/reorganisations')).sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.name.localeCompare(b.name),
  )

export const loadPlan = (name: string): Promise<PlanRecord> =>
  api<PlanRecord>(`/api/admin/reorganisations/${encodeURIComponent(name)}`)

/** What the plan would move now; nothing changes. */
export const previewPlan = (source: PlanSource): Promise<ReorganisationReport> =>
  api<ReorganisationReport>('/api/admin/reorganisations/preview', { method: 'POST', body: source })

/** Applies the plan (its date has come) or schedules it; refused (409) with the problems found. */
export const applyPlan = (source: PlanSource): Promise<ReorganisationReport> =>
  api<ReorganisationReport>('/api/admin/reorganisations/apply', { method: 'POST', body: source })

/**
 * A calendar day (`2020-01-01`) or an instant as Vietnamese read it, in Vietnam time.
 * @example dayOf('2020-01-01') // '01/01/2020'
 */
export function dayOf(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vietnamDay(new Date(value))
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}

/** Today (or an instant's day) in Vietnam, as `YYYY-MM-DD`. */
export const vietnamDay = (at = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at)

/** The headline figures of a report, in the order an administrator reads them. */
export function figuresOf(report: ReorganisationReport) {
  return {
    ending: report.units.ending.length,
    created: report.units.created.length,
    openDossiers: report.dossiers.open,
    accounts: report.accounts.length,
    // a setting in conflict stays where it is: the unit taking over keeps its own
    settings: report.settings.filter((s) => !s.conflict).length,
    conflicts: report.settings.filter((s) => s.conflict).length,
    replaced: report.procedures.replaced.length,
    orphaned: report.procedures.orphaned.length,
    consultations: report.consultations,
    closedKept: report.dossiers.closedKept,
  }
}

/**
 * The rows whose text matches a search, diacritics and case ignored.
 * @example filterRows(moves, 'ha khanh', (m) => `${m.from.name} ${m.to.name}`)
 */
export const filterRows = <T>(rows: T[], query: string, text: (row: T) => string): T[] =>
  query.trim() ? rows.filter((row) => matchesQuery(text(row), query)) : rows

/** A unit's name and code, as the report's rows show it. */
export const unitText = (unit: UnitBrief): string => `${unit.name} (${unit.code})`

/** Reads an uploaded plan file: its JSON object, or why it is not one (`invalidJson` with the parser's words). */
export function parsePlanFile(
  text: string,
): { plan: Record<string, unknown> } | { error: 'invalidJson'; detail: string } | { error: 'notObject' } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (caught) {
    return { error: 'invalidJson', detail: caught instanceof Error ? caught.message : String(caught) }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'notObject' }
  return { plan: value as Record<string, unknown> }
}
