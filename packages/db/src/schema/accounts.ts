import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { at, createdAt, id } from './columns'
import { units } from './units'

/** Platform roles (citizen, receiving officer, specialist, leader, unit and province administrators). */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
})

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Số định danh cá nhân (căn cước), for citizens. */
    idNumber: text('id_number'),
    /** Demo accounts are seeded only on the embedded default or with SEED_DEMO=1, and are marked. */
    isDemo: boolean('is_demo').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [check('users_username_lowercase', sql`${t.username} = lower(${t.username})`)],
)

/** A role held by a user, scoped to a unit for officers and administrators (null = no unit scope). */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role')
      .notNull()
      .references(() => roles.code),
    unitId: uuid('unit_id').references(() => units.id),
  },
  (t) => [
    unique('user_roles_unique').on(t.userId, t.role, t.unitId).nullsNotDistinct(),
    index('user_roles_unit_idx').on(t.unitId),
  ],
)

/** Sign-in sessions (cookie) and API tokens (bearer); only a hash of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['cookie', 'bearer'] }).notNull(),
    csrfHash: text('csrf_hash'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), check('sessions_kind', sql`${t.kind} in ('cookie', 'bearer')`)],
)

/**
 * The audit trail of account administration (append-only, migration 0014): who created an account, changed its
 * name, state or password, or its roles, with the values before and after (never a password or its hash).
 */
export const accountChanges = pgTable(
  'account_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** `create`, `update` (name, disabled, password) or `grants`. */
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('account_changes_user_idx').on(t.userId, t.at)],
)
