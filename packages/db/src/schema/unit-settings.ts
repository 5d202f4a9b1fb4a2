import { bigint, boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at } from './columns'
import { units } from './units'

/** A unit's reception contact, each part optional. */
export interface UnitContact {
  address?: string
  openingHours?: string
  phone?: string
  email?: string
}

/** A unit's own settings; a setting left null is inherited from the nearest unit above that sets it. */
export const unitSettings = pgTable('unit_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** Four-eyes publishing: a draft of a procedure this unit owns is published once another administrator approves. */
  fourEyes: boolean('four_eyes'),
  /**
   * How citizens reach the unit's reception (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công): shown on the
   * portal's procedure and tracking pages; a part left out is not shown (never inherited: each office has its own).
   */
  contact: jsonb('contact').$type<UnitContact>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
})

/** The audit trail of unit settings (append-only): who changed which setting of which unit, before and after. */
export const unitSettingChanges = pgTable(
  'unit_setting_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The setting's name, e.g. `fourEyes`. */
    setting: text('setting').notNull(),
    /** The unit's own value before and after; null = inherited. */
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('unit_setting_changes_unit_idx').on(t.unitId, t.at)],
)
