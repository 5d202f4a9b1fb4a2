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

/** Office or counter hours: index 0 = Sunday … 6 = Saturday; each an array of `{start, end}` 'HH:MM' intervals. */
export type WeekHours = { start: string; end: string }[][]

/**
 * Working calendars. The province's (`default`) has no parent; a unit's own calendar (a special zone, a commune
 * whose counter opens on Saturday) inherits its parent's days and hours and overrides or adds to them. Days off
 * and make-up days live in `calendar_days`, each year's status in `calendar_years`.
 */
export const calendars = pgTable(
  'calendars',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** The calendar this one inherits from; null for the province's. */
    parentCode: text('parent_code').references((): AnyPgColumn => calendars.code),
    /** The unit whose administrators edit it; null = the province's administrators. */
    ownerUnitId: uuid('owner_unit_id').references((): AnyPgColumn => units.id),
    /** Office (working) hours, which deadlines count; null = the parent's. */
    officeHours: jsonb('office_hours').$type<WeekHours>(),
    /**
     * When the counter receives dossiers, which may include hours that are not working time (a Saturday morning);
     * null = the parent's, or the office hours.
     */
    counterHours: jsonb('counter_hours').$type<WeekHours>(),
    workingDayMinutes: integer('working_day_minutes').notNull().default(480),
  },
  (t) => [
    check('calendars_root_has_hours', sql`${t.parentCode} is not null or ${t.officeHours} is not null`),
    check('calendars_not_own_parent', sql`${t.parentCode} is null or ${t.parentCode} <> ${t.code}`),
  ],
)

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
    /** Where the day comes from: the notice's number and date, or the law's article; null only for days entered before sources were kept. */
    source: text('source'),
  },
  (t) => [
    primaryKey({ columns: [t.calendarCode, t.date] }),
    check('calendar_days_kind', sql`${t.kind} in ('holiday', 'makeUp')`),
  ],
)

/**
 * Administrative units through time: the province, its departments, districts and communes. A row is one unit over
 * its validity period [effective_from, effective_to), with a stable id; a reorganisation ends rows and begins new ones
 * (a renamed or moved unit is a new row succeeding the old, see `unitLinks`), so a dossier's unit is named as it was.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    /**
     * National statistical code (mã đơn vị hành chính) for territorial units; a short code for departments. Codes are
     * reused (06685 named one ward in 2019 and another after 2025): unique among units whose periods overlap
     * (a trigger, migration 0018).
     */
    code: text('code').notNull(),
    /** Electronic identifier used in receipt codes (QCVN 102:2016 shape, e.g. 000.00.12.H49); unique like `code`. */
    electronicId: text('electronic_id').notNull(),
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
    index('units_code_idx').on(t.code, t.effectiveFrom),
    index('units_electronic_id_idx').on(t.electronicId),
    index('units_parent_idx').on(t.parentId),
    index('units_level_idx').on(t.level),
    check('units_effective_range', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
)
