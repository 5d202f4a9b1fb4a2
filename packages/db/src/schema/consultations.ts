import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at, createdAt, id } from './columns'
import { dossiers } from './dossiers'
import { units } from './units'

/**
 * A request for another unit's opinion (lấy ý kiến) while a dossier waits at a consultation step: one row per
 * consulted unit, opened with the transition into the step (`round` = that event's seq), answered once by an
 * officer of that unit, or closed unanswered when the dossier moves on.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    step: text('step').notNull(),
    /** The seq of the event that entered the step: a dossier sent back and consulted again opens a new round. */
    round: integer('round').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The role that answers for the unit. */
    role: text('role').notNull(),
    openedAt: at('opened_at').notNull(),
    dueAt: at('due_at').notNull(),
    answeredAt: at('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    /** agree (đồng ý), disagree (không đồng ý), comments (có ý kiến khác). */
    opinion: text('opinion'),
    note: text('note'),
    /** Set when the round ended (or the dossier left the step) before this unit answered. */
    closedAt: at('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('consultations_dossier_idx').on(t.dossierId, t.round),
    // "ý kiến được hỏi": a unit's open requests, soonest due first
    index('consultations_open_idx').on(t.unitId, t.dueAt).where(sql`${t.answeredAt} is null and ${t.closedAt} is null`),
    check('consultations_opinion', sql`${t.opinion} is null or ${t.opinion} in ('agree', 'disagree', 'comments')`),
    check('consultations_answered', sql`(${t.answeredAt} is null) = (${t.opinion} is null)`),
  ],
)
