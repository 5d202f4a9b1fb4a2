import type { OnlineMode } from '../definition'
import type { Figures } from './figures'
import type { StatPeriod } from './period'

/**
 * Which structure of units the figures follow: `then`, each dossier under the unit it was filed with (a 2019 report
 * stays a 2019 report); `now`, under the unit that took that unit's work over (today's structure).
 */
export type StatStructure = 'then' | 'now'

export interface StatUnit {
  code: string
  name: string
  /** `province` (the province and its departments), `district`, `commune`. */
  level: string
  parentCode: string | null
  /** The unit's period (YYYY-MM-DD, `to` excluded; null: in force): codes are reused from one period to the next. */
  from: string
  to: string | null
}

/** One month of a trend. */
export interface MonthPoint {
  month: string
  received: { counter: number; online: number; post: number }
  resolved: { early: number; onTime: number; late: number }
}

/**
 * The catalogue's service levels: procedures in force a unit (or the units of a level, or the province) offers, how
 * many fully or partly online, against the target share of online procedures (the province's 70 %).
 */
export interface CatalogueSummary {
  procedures: number
  full: number
  partial: number
  /** (full + partial) / procedures, 0–1; null without procedures. */
  onlineShare: number | null
  target: number
}

/** A procedure's figures in a unit's or the province's period. */
export interface ProcedureFigures {
  code: string
  name: string
  field: string
  /** Decree 42/2022: toàn trình, một phần, or not online. */
  onlineMode: OnlineMode['mode']
  figures: Figures
}

/** The applicants' satisfaction ratings of the dossiers that ended in the period, by level. */
export interface RatingCounts {
  verySatisfied: number
  satisfied: number
  dissatisfied: number
  total: number
}

interface StatView {
  period: StatPeriod
  structure: StatStructure
  /** When the figures were read (ISO instant); live counts are as of then. */
  asOf: string
}

/** `GET /api/statistics`: the province-wide picture. */
export interface ProvinceStatistics extends StatView {
  province: StatUnit
  figures: Figures
  levels: { level: string; name: string; units: number; figures: Figures; catalogue: CatalogueSummary }[]
  /** Every unit with dossiers in the period or in force at its end, for the list and the drill-down. */
  units: { unit: StatUnit; figures: Figures }[]
  months: MonthPoint[]
  fields: { field: string; figures: Figures }[]
  procedures: ProcedureFigures[]
  catalogue: CatalogueSummary
  /** The satisfaction ratings of dossiers that ended in the period (absent where not read). */
  ratings?: RatingCounts
}

/** `GET /api/statistics/units/:code`: one unit. */
export interface UnitStatistics extends StatView {
  unit: StatUnit
  /** The units above it, the province first (the breadcrumb). */
  ancestors: StatUnit[]
  figures: Figures
  months: MonthPoint[]
  /** The units under it (a district's communes), each with its figures. */
  children: { unit: StatUnit; figures: Figures }[]
  fields: { field: string; figures: Figures }[]
  procedures: ProcedureFigures[]
  catalogue: CatalogueSummary
  /** With the structure `now`: former units whose dossiers count here. */
  predecessors: StatUnit[]
  /** The satisfaction ratings of its dossiers that ended in the period (absent where not read). */
  ratings?: RatingCounts
}
