import type { Issue } from '../errors'

/** A unit as a report names it. */
export interface UnitBrief {
  code: string
  name: string
}

/**
 * What a reorganisation moves, the same whether previewed or applied: the runtime's answer to a preview or an apply,
 * which the studio shows.
 */
export interface ReorganisationReport {
  plan: { name: string; title: string; effectiveDate: string }
  /** `preview`: nothing changed yet; `applied`: done in one transaction; `scheduled`: to be applied on its date. */
  status: 'preview' | 'applied' | 'scheduled'
  /** What stops it: while there is one, apply refuses. */
  problems: Issue[]
  /** What an administrator should know and may act on after (a procedure left without a unit). */
  warnings: Issue[]
  units: {
    ending: { unit: UnitBrief; kind: string; successors: UnitBrief[]; takesOver: UnitBrief }[]
    created: { unit: UnitBrief; type: string; level: string; parent: UnitBrief }[]
  }
  dossiers: {
    /** Open dossiers by the unit that handled them and the one that will. */
    moves: { from: UnitBrief; to: UnitBrief; open: number }[]
    open: number
    /** Ended dossiers: they stay with the unit they were filed with, and are reported under it. */
    closedKept: number
  }
  /** Open requests for an opinion that another unit will answer. */
  consultations: number
  accounts: { username: string; role: string; from: UnitBrief; to: UnitBrief; alreadyThere: boolean }[]
  /** Plugin settings, unit settings and procedure offerings that go to the successor; `conflict` = another value kept. */
  settings: { kind: 'plugin' | 'unit' | 'offering'; key: string; from: UnitBrief; to: UnitBrief; conflict: boolean }[]
  calendars: { calendar: string; from: UnitBrief; to: UnitBrief }[]
  procedures: {
    /** Versions the plan publishes on its date. */
    replaced: { code: string; name: string; reason: string; level: string; units: string[] | null }[]
    /** Procedures owned by an ending unit that its successor will own. */
    owned: { code: string; from: UnitBrief; to: UnitBrief }[]
    /** Procedures in force that no unit will offer after the plan, with nothing to replace them. */
    orphaned: { code: string; name: string; level: string; units: string[] | null }[]
  }
}
