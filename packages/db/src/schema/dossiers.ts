import type { DossierDelivery, FeeLine } from '@motcua/core'
import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at, bytea, createdAt, id } from './columns'
import { procedureVersions } from './procedures'
import { units } from './units'

export interface Applicant {
  fullName: string
  idNumber?: string
  phone?: string
  email?: string
  address?: string
}

/** A dossier (hồ sơ): one receipt code whatever the channel, pinned to the procedure version it was filed under. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    /** Mã hồ sơ / mã số biên nhận, e.g. 000.00.12.H49-250225-0001. */
    receiptCode: text('receipt_code').notNull().unique(),
    /** Hash of the PIN printed on the receipt; the PIN unlocks personal data in public tracking. */
    lookupPinHash: text('lookup_pin_hash').notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    /**
     * The resolving unit (đơn vị giải quyết) now: the one that decides, whose procedure offering and calendar count;
     * a reorganisation moves an open dossier to the unit that succeeds it.
     */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The resolving unit the dossier was filed with, kept through reorganisations: reports by the structure of the time. */
    filedUnitId: uuid('filed_unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * Where the dossier was received (đơn vị tiếp nhận): the provincial service centre for a department's dossier,
     * any centre under Nghị định 118/2025; its electronic id and sequence make the receipt code. Set on every
     * dossier (earlier ones backfilled with `unit_id`); nullable only so existing rows survive the migration.
     */
    receivingUnitId: uuid('receiving_unit_id').references(() => units.id),
    /** The unit handling the current step (liên thông: another unit's step); null once the dossier has ended. */
    currentUnitId: uuid('current_unit_id').references(() => units.id),
    /** 1 trực tiếp (counter), 2 trực tuyến (online), 3 bưu chính công ích (post). */
    channel: smallint('channel').notNull(),
    /** National public status 1–10. */
    status: smallint('status').notNull(),
    /** The workflow step it is at; null once it has ended. */
    currentStep: text('current_step'),
    /** The role that works the current step (for "my queue" in SQL); null once it has ended. */
    currentRole: text('current_role'),
    caseKey: text('case_key'),
    applicant: jsonb('applicant').$type<Applicant>().notNull(),
    applicantUserId: uuid('applicant_user_id').references(() => users.id),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    /** The fees fixed at submission (the procedure's rules, then the plugins' adjustments), used everywhere after. */
    fees: jsonb('fees').$type<FeeLine[]>().notNull().default([]),
    /** The officer's answers to actions that asked for input (quyết định), by action key: `{ duyet: { so: '…' } }`. */
    decisions: jsonb('decisions').$type<Record<string, Record<string, unknown>>>().notNull().default({}),
    /** The named constants' values at submission (`const.<key>` in rules), kept for the dossier's guards; null = none. */
    constants: jsonb('constants').$type<Record<string, number>>(),
    /** How the applicant chose to receive the result, and for post the address; null when the procedure offers no choice. */
    delivery: jsonb('delivery').$type<DossierDelivery>(),
    /** What the officer entered about the result (the number and date of the paper issued), per `resultData`. */
    resultData: jsonb('result_data').$type<Record<string, unknown>>(),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    receivedAt: at('received_at'),
    dueAt: at('due_at'),
    pausedAt: at('paused_at'),
    doneAt: at('done_at'),
    returnedAt: at('returned_at'),
    /** When it ended (`current_step` became null: returned, refused, withdrawn, stopped); statistics count by it. */
    endedAt: at('ended_at'),
    /** Optimistic concurrency: every change increments it; a stale `expectedVersion` gets 409. */
    version: integer('version').notNull().default(1),
    idempotencyKey: text('idempotency_key'),
    /** sha256 of the request that used the key: a replay must be the same request. */
    idempotencyFingerprint: text('idempotency_fingerprint'),
    /** The applicant's name, ID number and the receipt code folded for search (no diacritics, lower case). */
    searchText: text('search_text').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // one dossier per idempotency key per submitter (anonymous submitters share one scope)
    uniqueIndex('dossiers_idempotency')
      .on(sql`coalesce(${t.submittedBy}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('dossiers_unit_status_idx').on(t.unitId, t.status),
    index('dossiers_filed_unit_idx').on(t.filedUnitId),
    index('dossiers_applicant_idx').on(t.applicantUserId),
    index('dossiers_due_idx').on(t.dueAt),
    // the register (Sổ theo dõi hồ sơ) is the receiving unit's: its dossiers by reception time
    index('dossiers_receiving_unit_idx').on(t.receivingUnitId, t.receivedAt),
    // the desk's queue: the open dossiers a unit handles now in the queue's order; the role, pause, end, status and
    // unit columns after the order let its counts (every tab's: mine, overdue, soon, waiting, liên thông …) run on the
    // index alone
    index('dossiers_open_queue_idx')
      .on(
        t.currentUnitId,
        t.dueAt,
        t.submittedAt,
        t.id,
        t.currentRole,
        t.pausedAt,
        t.doneAt,
        t.status,
        t.unitId,
        t.receivingUnitId,
      )
      .where(sql`${t.currentStep} is not null`),
    // statistics: the dossiers in progress now (received, no result, not ended) by the unit filed with
    index('dossiers_in_progress_idx')
      .on(t.filedUnitId, t.procedureVersionId, t.status, t.dueAt, t.pausedAt)
      .where(sql`${t.doneAt} is null and ${t.endedAt} is null and ${t.receivedAt} is not null`),
    // a whole ID number (CCCD, CMND) typed at the desk: the trigram index is slow on digits, few and common
    index('dossiers_id_number_idx').on(sql`(${t.applicant}->>'idNumber')`),
    // search by name, ID number or code anywhere in the text (LIKE '%…%'), needs the pg_trgm extension
    index('dossiers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('dossiers_channel', sql`${t.channel} between 1 and 3`),
    check('dossiers_status', sql`${t.status} between 1 and 10`),
    check('dossiers_version', sql`${t.version} >= 1`),
    check(
      'dossiers_due_after_received',
      sql`${t.dueAt} is null or ${t.receivedAt} is null or ${t.dueAt} >= ${t.receivedAt}`,
    ),
  ],
)

/**
 * The append-only event log: the process control slip (Mẫu 06), the audit trail and the source of
 * every statistic. The database refuses UPDATE, DELETE and TRUNCATE on it.
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** 1, 2, 3 … within the dossier. */
    seq: integer('seq').notNull(),
    at: at('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromStep: text('from_step'),
    toStep: text('to_step'),
    fromStatus: smallint('from_status'),
    toStatus: smallint('to_status').notNull(),
    note: text('note'),
    stepDueAt: at('step_due_at'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [
    unique('dossier_events_seq').on(t.dossierId, t.seq),
    // the leader's view: each officer's actions over the last days
    index('dossier_events_actor_idx').on(t.actorUserId, t.at),
    check('dossier_events_seq_positive', sql`${t.seq} >= 1`),
    check('dossier_events_status', sql`${t.toStatus} between 1 and 10`),
  ],
)

/** File contents, stored once by their sha256. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mediaType: text('media_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: createdAt(),
})

/** A file attached to a dossier for one dossier component (thành phần hồ sơ), a supplement or a result. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    componentKey: text('component_key').notNull(),
    kind: text('kind', { enum: ['application', 'supplement', 'result'] })
      .notNull()
      .default('application'),
    /** The applicant's file name, sanitised; never used as a path. */
    fileName: text('file_name').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => attachmentBlobs.sha256),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: createdAt(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
  },
  (t) => [
    index('attachments_dossier_idx').on(t.dossierId),
    check('attachments_kind', sql`${t.kind} in ('application', 'supplement', 'result')`),
    check('attachments_size', sql`${t.size} >= 0`),
  ],
)

/** The last receipt sequence number used per receiving unit per (Vietnam-local) day. */
export const receiptSequences = pgTable(
  'receipt_sequences',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), check('receipt_sequences_positive', sql`${t.lastValue} >= 1`)],
)

/** A signed-in citizen's unfinished form for a procedure, saved as they type so they can resume anywhere. */
export const formDrafts = pgTable(
  'form_drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    procedureCode: text('procedure_code').notNull(),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.procedureCode] })],
)

/**
 * The applicant's satisfaction rating of a dossier that has ended (đánh giá việc giải quyết TTHC, Nghị định
 * 61/2018/NĐ-CP): one per dossier, changeable for a few days after it was first given (core's `RATING_CHANGE_DAYS`);
 * every change is also in the dossier's event log.
 */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    /** core's RatingLevel: verySatisfied, satisfied, dissatisfied. */
    level: text('level').notNull(),
    /** The optional criteria, each with its level. */
    criteria: jsonb('criteria').$type<Record<string, string>>().notNull().default({}),
    comment: text('comment'),
    /** When it was first given: the change window counts from here. */
    ratedAt: at('rated_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('dossier_ratings_level', sql`${t.level} in ('verySatisfied', 'satisfied', 'dissatisfied')`),
    check('dossier_ratings_comment_length', sql`char_length(${t.comment}) <= 1000`),
  ],
)
