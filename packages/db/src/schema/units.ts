import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/**
 * Levels of government are data (cấp tỉnh, cấp huyện, cấp xã, and the province's departments):
 * a two-tier province simply stops using `district`.
 */
export const unitLevels = pgTable('unit_levels', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  /** 1 = province tier (the province and its departments), 2 = district, 3 = commune. */
  tier: smallint('tier').notNull(),
})

/** Working calendars: office hours per weekday; holidays and make-up days live in `calendar_days`. */
export const calendars = pgTable('calendars', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** Index 0 = Sunday … 6 = Saturday; each an array of `{start, end}` 'HH:MM' intervals. */
  officeHours: jsonb('office_hours').$type<{ start: string; end: string }[][]>().notNull(),
  workingDayMinutes: integer('working_day_minutes').notNull().default(480),
})

export const calendarDays = pgTable(
  'calendar_days',
  {
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => calendars.code, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    /** `holiday` = ngày nghỉ (incl. substitute days); `makeUp` = ngày làm bù, a working day. */
    kind: text('kind', { enum: ['holiday', 'makeUp'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.calendarCode, t.date] }),
    check('calendar_days_kind', sql`${t.kind} in ('holiday', 'makeUp')`),
  ],
)

/** Administrative units: the province, its departments, districts and communes, with effective dates. */
export const units = pgTable(
  'units',
  {
    id: id(),
    /** National statistical code (mã đơn vị hành chính) for territorial units; a short code for departments. */
    code: text('code').notNull().unique(),
    /** Electronic identifier used in receipt codes (QCVN 102:2016 shape, e.g. 000.00.12.H49). */
    electronicId: text('electronic_id').notNull().unique(),
    name: text('name').notNull(),
    /** Tỉnh, Thành phố, Thị xã, Huyện, Phường, Xã, Thị trấn, Sở, Ban, Trung tâm … */
    type: text('type').notNull(),
    level: text('level')
      .notNull()
      .references(() => unitLevels.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    calendarCode: text('calendar_code')
      .notNull()
      .default('default')
      .references(() => calendars.code),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_level_idx').on(t.level),
    check('units_effective_range', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
)
