import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { at, createdAt } from './columns'

/** One-off data steps (the first-start seed) already applied, so a restart never repeats them. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  appliedAt: createdAt(),
})

/** Instance-wide settings, e.g. the generated secret that derives lookup PINs when SECRET_KEY is not set. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/**
 * Attempt counters shared by every runtime process (PIN checks, sign-ins, prefill lookups; public lookups and
 * anonymous submissions, which each process counts in memory and adds here about once a second): one row per key
 * and fixed window, so a limit holds however many processes serve the requests. Unlogged (migration 0005).
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: at('window_start').notNull(),
  count: integer('count').notNull(),
})
