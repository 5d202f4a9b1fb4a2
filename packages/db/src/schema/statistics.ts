import { bigint, date, index, integer, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core'

const counter = (name: string) => integer(name).notNull().default(0)

/**
 * The statistics rollup: per Vietnam-local month, filed unit (the structure of the time) and procedure version, what
 * happened to dossiers that month. Kept by triggers on `dossiers` in the writing transaction (migration 0019), so it
 * always equals a recomputation from the dossiers (`motcua_stats_rebuild()` recomputes it; a property test compares).
 * Each dossier counts in up to four months: received, resolved or closed, fallen due while open, and left overdue.
 */
export const dossierStatMonths = pgTable(
  'dossier_stat_months',
  {
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    /** `dossiers.filed_unit_id`: reports by the structure of the time, mapped to today's by the unit links. */
    unitId: uuid('unit_id').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    /** Received that month (`received_at`, else `done_at` for a result given at once), by channel. */
    receivedCounter: counter('received_counter'),
    receivedOnline: counter('received_online'),
    receivedPost: counter('received_post'),
    /** Resolved (`done_at`) that month, judged by core's `classify`; no deadline counts as on time. */
    resolvedEarly: counter('resolved_early'),
    resolvedOnTime: counter('resolved_on_time'),
    resolvedLate: counter('resolved_late'),
    /** Ended that month without a result (`ended_at`): status 3, 7, 8, received or not. */
    refused: counter('refused'),
    withdrawn: counter('withdrawn'),
    stopped: counter('stopped'),
    /** Of those, the ones that had been received: what leaves the in-progress balance. */
    closed: counter('closed'),
    /** Received dossiers whose deadline (`due_at`) fell that month while they were still open. */
    fellDue: counter('fell_due'),
    /** Of the dossiers that fell due open, those that were resolved or closed that month. */
    leftOverdue: counter('left_overdue'),
    /** Resolved: the seconds from reception to result, and for those with a deadline the seconds the law allowed. */
    usedSeconds: bigint('used_seconds', { mode: 'number' }).notNull().default(0),
    allowedSeconds: bigint('allowed_seconds', { mode: 'number' }).notNull().default(0),
    /** Resolved dossiers with a deadline (the count `allowed_seconds` and its `used` part average over). */
    timed: counter('timed'),
    timedUsedSeconds: bigint('timed_used_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.unitId, t.procedureVersionId] }),
    index('dossier_stat_months_unit_idx').on(t.unitId, t.month),
  ],
)

/** Resolved dossiers per month and filed unit by whole days from reception to result (capped at 365): the median. */
export const dossierStatDays = pgTable(
  'dossier_stat_days',
  {
    month: date('month', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id').notNull(),
    days: smallint('days').notNull(),
    resolved: counter('resolved'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month, t.days] }), index('dossier_stat_days_month_idx').on(t.month)],
)
