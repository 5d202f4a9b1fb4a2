import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at } from './columns'
import { calendars } from './units'

/**
 * Per calendar and year: whether its days follow a published decision (the Government's or the Ministry of Home
 * Affairs' notice for cán bộ, công chức, viên chức, with its source) or are provisional (the law's rules only).
 * A year of the province's calendar without a row is provisional.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => calendars.code, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    provisional: boolean('provisional').notNull(),
    /** The decision (notice number and date) the year follows; null while provisional. */
    source: text('source'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** The administrator who last edited the year's days; null = the seed, which a later release may bring up to date. */
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.calendarCode, t.year] }),
    check('calendar_years_sourced', sql`${t.provisional} or ${t.source} is not null`),
    check('calendar_years_range', sql`${t.year} between 1900 and 2200`),
  ],
)

/**
 * The audit trail of calendar edits (append-only, migration 0007): who changed which calendar, on what authority, and
 * how many due dates moved.
 */
export const calendarChanges = pgTable(
  'calendar_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => calendars.code),
    at: at('at').notNull().defaultNow(),
    /** null = the seed. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** `year` (a year's decision), `day`, `removeDay`, `hours`, `create`, `assign` (a unit's calendar). */
    kind: text('kind').notNull(),
    source: text('source'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    /** Open dossiers whose due date the change moved. */
    moved: integer('moved').notNull(),
  },
  (t) => [index('calendar_changes_calendar_idx').on(t.calendarCode, t.at)],
)
