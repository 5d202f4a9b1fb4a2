import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at, createdAt } from './columns'
import { dossiers } from './dossiers'
import { units } from './units'

/**
 * Messages to the outside world, written in the same transaction as the change that causes them
 * and delivered later with retries, so a failing integration never loses or blocks a dossier.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    pluginSlug: text('plugin_slug'),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    payload: jsonb('payload').notNull(),
    /** `discarded`: a dead message an administrator gave up on (see `outboxChanges`). */
    state: text('state', { enum: ['pending', 'delivered', 'dead', 'discarded'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
    /**
     * The request that queued it (`X-Request-Id`), kept by the messages its hooks return: the delivery's log lines
     * carry it, so one request can be followed to the outside world. null: queued outside a request.
     */
    requestId: text('request_id'),
  },
  (t) => [
    index('outbox_due_idx').on(t.state, t.nextAttemptAt),
    index('outbox_plugin_due_idx').on(t.pluginSlug, t.state, t.nextAttemptAt),
    check('outbox_state', sql`${t.state} in ('pending', 'delivered', 'dead', 'discarded')`),
  ],
)

/**
 * Plugins are enabled and configured per unit, and per procedure at a unit, at run time: a row overrides what the
 * units above (and the unit's all-procedures row) set, key by key (migration 0020).
 */
export const pluginSettings = pgTable(
  'plugin_settings',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    pluginSlug: text('plugin_slug').notNull(),
    /** The procedure the row is for; '' = every procedure of the unit. */
    procedureCode: text('procedure_code').notNull().default(''),
    /** On or off; null = as the units above (or the unit's all-procedures row) have it. */
    enabled: boolean('enabled').default(true),
    /** The top-level keys this row sets over what it inherits; a key set to null removes the inherited value. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.pluginSlug, t.procedureCode] })],
)

/** A plugin setting as the audit trail keeps it: its secrets named, never their values. */
export interface PluginSettingRecord {
  /** null: inherited. */
  enabled: boolean | null
  config: Record<string, unknown>
  secretsSet: string[]
}

/** The audit trail of plugin settings (append-only, migration 0014): who set or removed which unit's setting. */
export const pluginSettingChanges = pgTable(
  'plugin_setting_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    pluginSlug: text('plugin_slug').notNull(),
    /** The procedure of the setting; '' = every procedure of the unit. */
    procedureCode: text('procedure_code').notNull().default(''),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The unit's own setting before; null = it inherited. */
    before: jsonb('before').$type<PluginSettingRecord>(),
    /** After; null = back to inheriting. */
    after: jsonb('after').$type<PluginSettingRecord>(),
  },
  (t) => [index('plugin_setting_changes_unit_idx').on(t.unitId, t.pluginSlug, t.at)],
)

/**
 * The audit trail of administrators' hands on the outbox (append-only): who requeued or discarded which dead message,
 * when, and the attempts and last error it had then; one row per message, written with the change.
 */
export const outboxChanges = pgTable(
  'outbox_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => outbox.id),
    action: text('action', { enum: ['requeue', 'discard'] }).notNull(),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_changes_message_idx').on(t.outboxId, t.at),
    check('outbox_changes_action', sql`${t.action} in ('requeue', 'discard')`),
  ],
)
