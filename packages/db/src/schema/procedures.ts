import type { ProcedureDefinition } from '@motcua/core'
import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { at, createdAt, id } from './columns'
import { units } from './units'

/** A procedure (thủ tục hành chính) by its code; its content lives in drafts and published versions. */
export const procedures = pgTable('procedures', {
  id: id(),
  code: text('code').notNull().unique(),
  /** The unit whose administrators own it (null = province-wide library). */
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  createdAt: createdAt(),
})

/** Work in progress in the studio: editable, never served to citizens. */
export const procedureDrafts = pgTable(
  'procedure_drafts',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    basedOnVersionId: uuid('based_on_version_id').references(() => procedureVersions.id),
    definition: jsonb('definition').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [index('procedure_drafts_procedure_idx').on(t.procedureId)],
)

/** Published, frozen versions (content-hashed). The database refuses to update or delete them. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ProcedureDefinition>().notNull(),
    /** sha256 of the canonical JSON of `definition`. */
    contentHash: text('content_hash').notNull(),
    publishedAt: at('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    effectiveFrom: at('effective_from').notNull().defaultNow(),
  },
  (t) => [
    unique('procedure_versions_number').on(t.procedureId, t.version),
    check('procedure_versions_positive', sql`${t.version} >= 1`),
  ],
)
