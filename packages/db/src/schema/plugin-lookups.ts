import { sql } from 'drizzle-orm'
import { bigint, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at } from './columns'
import { units } from './units'

/**
 * The audit trail of pre-fill lookups (append-only): who asked a plugin's register about which căn cước number
 * (a keyed hash, never the number), for which unit and procedure, and whether the person was found. The answer
 * itself is not kept.
 */
export const pluginLookups = pgTable(
  'plugin_lookups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull().defaultNow(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    pluginSlug: text('plugin_slug').notNull(),
    lookupKey: text('lookup_key').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    procedureCode: text('procedure_code').notNull(),
    /** HMAC-SHA256 of the number with the instance secret: who looked a number up can be answered, the number not read. */
    idNumberHash: text('id_number_hash').notNull(),
    outcome: text('outcome', { enum: ['found', 'notFound', 'failed'] }).notNull(),
  },
  (t) => [
    index('plugin_lookups_user_idx').on(t.userId, t.at),
    index('plugin_lookups_id_number_idx').on(t.idNumberHash),
    check('plugin_lookups_outcome', sql`${t.outcome} in ('found', 'notFound', 'failed')`),
  ],
)
