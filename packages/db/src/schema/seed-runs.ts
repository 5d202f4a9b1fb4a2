import { pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

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
