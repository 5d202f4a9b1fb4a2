import type { ProcedureDefinition } from '@motcua/core'
import { sql } from 'drizzle-orm'
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at } from './columns'
import { units } from './units'

/** How a unit's successor came to be: the kinds of change a reorganisation plan records. */
export const unitChangeKinds = ['merge', 'split', 'rename', 'changeLevel', 'abolish'] as const

/**
 * Predecessor → successor links written by reorganisations: which unit went into which, how, on what authority.
 * `primary` marks the successor that took the predecessor's open dossiers, accounts and settings.
 */
export const unitLinks = pgTable(
  'unit_links',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: unitChangeKinds }).notNull(),
    primary: boolean('primary').notNull(),
    /** The plan that made the change (`reorganisations.name`). */
    reorganisation: text('reorganisation')
      .notNull()
      .references(() => reorganisations.name),
    /** The act and article, e.g. "Nghị quyết 1679/NQ-UBTVQH15, Điều 1 khoản 38". */
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('unit_links_successor_idx').on(t.successorId),
    check('unit_links_kind', sql`${t.kind} in ('merge', 'split', 'rename', 'changeLevel', 'abolish')`),
  ],
)

/**
 * Reorganisation plans this installation has taken: applied (with what moved), or scheduled for their effective
 * date. The plan is kept as it was applied, so a report or a reversal reads what happened.
 */
export const reorganisations = pgTable(
  'reorganisations',
  {
    name: text('name').primaryKey(),
    title: text('title').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    plan: jsonb('plan').notNull(),
    /** The procedure versions the plan publishes, by procedure code (read from their files when it was taken). */
    versions: jsonb('versions').$type<Record<string, ProcedureDefinition>>().notNull().default({}),
    /** sha256 of the canonical JSON of `plan`. */
    planHash: text('plan_hash').notNull(),
    status: text('status', { enum: ['scheduled', 'applied'] }).notNull(),
    requestedAt: at('requested_at').notNull().defaultNow(),
    requestedBy: uuid('requested_by').references(() => users.id),
    appliedAt: at('applied_at'),
    /** What apply did: the same figures its preview gave, counted as the rows moved. */
    report: jsonb('report'),
  },
  (t) => [check('reorganisations_status', sql`${t.status} in ('scheduled', 'applied')`)],
)
