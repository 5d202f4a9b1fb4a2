/* eslint-disable */
/**
 * GENERATED — do not edit; run `npm run generate:types`.
 * Source: packages/core/src/reorganisation/plan-schema.json (json-schema-to-typescript).
 */

export type Day = string
export type UnitCode = string
/**
 * A key of `sources`, with the article or clause after `#` when useful: `nq1679#1.38`.
 */
export type SourceRef = string
export type Change = Merge | Split | Rename | ChangeLevel | Abolish

/**
 * A reorganisation of administrative units as data (reorganisations/<date>-<name>.json): on its effective date some units end and others begin, and each ending unit's open dossiers, accounts, settings, offerings and calendar go to the unit the plan names. Unit codes on the left of a change (`units`, `unit`) name units in force the day before; those on the right (`into`, `successor`, `dossiersTo`, `parent`) name units in force from the effective date: the plan's own `create`d units first, then units that go on.
 */
export interface ReorganisationPlan {
  $schema?: string
  /**
   * The file's name without `.json`: the effective date, then a slug.
   */
  name: string
  title: string
  effectiveDate: Day
  /**
   * What the plan chose where the sources leave a choice.
   */
  notes?: string
  /**
   * The legal acts the changes rest on, by a short key that each change cites.
   */
  sources: {
    [k: string]: Source | undefined
  }
  /**
   * Units that begin on the effective date.
   */
  create?: NewUnit[]
  /**
   * What happens to each unit that ends: every ending unit appears in exactly one change.
   *
   * @minItems 1
   */
  changes: Change[]
  /**
   * Procedure versions that take effect with the plan: a procedure whose level or unit disappears, and its replacement.
   */
  procedures?: ProcedureVersion[]
}
export interface Source {
  title: string
  url?: string
  date?: Day
}
export interface NewUnit {
  code: UnitCode
  name: string
  /**
   * Phường, Xã, Đặc khu, Sở, …
   */
  type: string
  /**
   * A unit level: province, department, district, commune.
   */
  level: string
  parent: UnitCode
  /**
   * The electronic identifier used in receipt codes.
   */
  electronicId: string
  /**
   * A working calendar's code; by default the calendar of the first unit that goes into it.
   */
  calendar?: string
  source: SourceRef
}
/**
 * Whole units end and go into one unit (created by the plan, or one that goes on).
 */
export interface Merge {
  kind: 'merge'
  /**
   * @minItems 1
   */
  units: UnitCode[]
  into: UnitCode
  /**
   * Where two merged units set the same plugin or setting differently, whose setting the unit keeps; by default the first unit's in `units`.
   */
  settingsFrom?: string
  source: SourceRef
}
/**
 * A unit ends and its territory goes to several units; its open dossiers, accounts and settings go to `dossiersTo`, except a dossier filed with a unit whose code one of `into` bears, which goes there (so a split reverses a merge).
 */
export interface Split {
  kind: 'split'
  unit: UnitCode
  /**
   * @minItems 2
   */
  into: UnitCode[]
  dossiersTo: UnitCode
  source: SourceRef
}
/**
 * A unit takes a new name or type (Thị xã → Thành phố): it ends and `into`, a unit the plan creates, goes on for it.
 */
export interface Rename {
  kind: 'rename'
  unit: UnitCode
  into: UnitCode
  source: SourceRef
}
/**
 * A unit moves to another level or under another unit (a commune under the province once districts end): it ends and `into`, a unit the plan creates, goes on for it.
 */
export interface ChangeLevel {
  kind: 'changeLevel'
  unit: UnitCode
  into: UnitCode
  source: SourceRef
}
/**
 * A unit ends with no territory of its own to pass on (a district tier abolished); its open dossiers, accounts and settings go to `successor`.
 */
export interface Abolish {
  kind: 'abolish'
  unit: UnitCode
  successor: UnitCode
  source: SourceRef
}
export interface ProcedureVersion {
  /**
   * The procedure's code (its national code, e.g. 1.001612, or a local one), as in its definition.
   */
  code: string
  /**
   * The new version's definition, a path relative to the plan's file (e.g. ../procedures/<code>/2025-07-01.json); its `effective.from` is the plan's date.
   */
  definition: string
  /**
   * What changed: the level, the authority, the department's name.
   */
  reason: string
  source: SourceRef
}
