import type { ProcedureDefinition } from '@motcua/core'
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at, createdAt, id } from './columns'
import { units } from './units'

/** A procedure (thủ tục hành chính) by its code; its content lives in drafts and published versions. */
export const procedures = pgTable('procedures', {
  id: id(),
  code: text('code').notNull().unique(),
  /** The unit whose administrators own it (null = province-wide library). */
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  createdAt: createdAt(),
})

/** Work in progress in the studio: editable, never served to citizens. */
export const procedureDrafts = pgTable(
  'procedure_drafts',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    basedOnVersionId: uuid('based_on_version_id').references(() => procedureVersions.id),
    definition: jsonb('definition').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    /** Four-eyes publishing: who asked to publish it, when, and from when it would take effect; null = no request. */
    approvalRequestedBy: uuid('approval_requested_by').references(() => users.id),
    approvalRequestedAt: at('approval_requested_at'),
    approvalEffectiveFrom: at('approval_effective_from'),
    /** The last request turned down or withdrawn: by whom, when and why; cleared by the next request. */
    approvalRejection: jsonb('approval_rejection').$type<{ userId: string; at: string; note: string | null }>(),
  },
  (t) => [index('procedure_drafts_procedure_idx').on(t.procedureId)],
)

/** Published, frozen versions (content-hashed). The database refuses to update or delete them. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ProcedureDefinition>().notNull(),
    /** sha256 of the canonical JSON of `definition`. */
    contentHash: text('content_hash').notNull(),
    publishedAt: at('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    /** Under four eyes: the administrator who asked to publish it (`publishedBy` approved it); else null. */
    requestedBy: uuid('requested_by').references(() => users.id),
    effectiveFrom: at('effective_from').notNull().defaultNow(),
  },
  (t) => [
    unique('procedure_versions_number').on(t.procedureId, t.version),
    check('procedure_versions_positive', sql`${t.version} >= 1`),
  ],
)

/**
 * A named constant's value set by an administrator (e.g. a fee amount the HĐND tỉnh changed), replacing the value
 * in the definition for dossiers filed from now on, whatever the version; dossiers already filed keep theirs.
 */
export const procedureConstants = pgTable(
  'procedure_constants',
  {
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    key: text('key').notNull(),
    value: doublePrecision('value').notNull(),
    /** The decision the value rests on, e.g. Nghị quyết số …/NQ-HĐND of the province. */
    source: text('source').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.procedureCode, t.key] }), check('procedure_constants_value', sql`${t.value} >= 0`)],
)

/** The audit trail of constant edits (append-only): who set which value, from what, on what authority. */
export const procedureConstantChanges = pgTable(
  'procedure_constant_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    key: text('key').notNull(),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The value before (null: the definition's own), and after (null: back to the definition's own). */
    oldValue: doublePrecision('old_value'),
    newValue: doublePrecision('new_value'),
    source: text('source'),
  },
  (t) => [index('procedure_constant_changes_idx').on(t.procedureCode, t.key, t.at)],
)

/** A unit's offering of a procedure as administrators set it: on or off for some days. */
export interface OfferingSetting {
  offered: boolean
  /** First day (Vietnam time, YYYY-MM-DD) the setting applies; null = from when it was saved. */
  from: string | null
  /** Last day it applies; null = until changed. */
  to: string | null
}

/**
 * Which units offer a procedure, set by administrators without a new version: on the days of `from`–`to` a row
 * overrides the definition's `units` (or its `level`) for new dossiers at that unit; outside them the definition
 * decides. Dossiers already filed are never affected.
 */
export const procedureOfferings = pgTable(
  'procedure_offerings',
  {
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    offered: boolean('offered').notNull(),
    from: date('from', { mode: 'string' }),
    to: date('to', { mode: 'string' }),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.procedureId, t.unitId] }),
    check('procedure_offerings_period', sql`${t.from} is null or ${t.to} is null or ${t.from} <= ${t.to}`),
  ],
)

/** The audit trail of offering changes (append-only, by a trigger): who turned which unit on or off, when, before and after. */
export const procedureOfferingChanges = pgTable(
  'procedure_offering_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The setting before; null = the definition decided. */
    before: jsonb('before').$type<OfferingSetting>(),
    /** The setting after; null = back to the definition. */
    after: jsonb('after').$type<OfferingSetting>(),
    /** Why (the decision's number and date), as the administrator wrote it. */
    reason: text('reason'),
  },
  (t) => [index('procedure_offering_changes_procedure_idx').on(t.procedureId, t.at)],
)
