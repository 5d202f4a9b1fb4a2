import { DomainError, matchesQuery, type PeriodState, periodState, vietnamDate } from '@motcua/core'
import { type Db, procedureDrafts, procedures, procedureVersions, users, withTransaction } from '@motcua/db'
import { and, desc, eq, ne, sql } from 'drizzle-orm'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers, holdsRoleOver } from '../auth/scope'
import { checkDraft, pluginCatalogue } from './check-draft'

// The studio's drafts as the authoring routes use them: loaded within the caller's scope, checked, listed, deleted.

export const notFoundDraft = () =>
  new DomainError('NOT_FOUND', { vi: 'Không tìm thấy bản nháp này.', en: 'No such draft.' })

/** The draft of the route's `:id`, when the caller administers its procedure's owner unit. */
export async function loadDraft(c: Context<AppEnv>) {
  const id = c.req.param('id')!
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFoundDraft()
  const [draft] = await c.var.database.db
    .select({ draft: procedureDrafts, code: procedures.code, ownerUnitId: procedures.ownerUnitId })
    .from(procedureDrafts)
    .innerJoin(procedures, eq(procedures.id, procedureDrafts.procedureId))
    .where(eq(procedureDrafts.id, id))
  if (!draft) throw notFoundDraft()
  await assertAdministers(c, draft.ownerUnitId)
  return draft
}

/** A draft keeps its procedure's code. */
export function assertSameCode(definition: Record<string, unknown>, code: string): void {
  if (definition.code !== code) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: `Mã thủ tục của bản nháp phải là ${code}.`, en: `The draft's procedure code must stay ${code}.` },
      [
        {
          code: 'code.changed',
          path: '/definition/code',
          message: { vi: `Mã thủ tục phải là ${code}`, en: `Must be ${code}` },
        },
      ],
    )
  }
}

/** The draft's problems: the definition's own (its plugins against the installed ones) and its owner's scope. */
export const checkOf = (
  c: Context<AppEnv>,
  d: { draft: typeof procedureDrafts.$inferSelect; ownerUnitId: string | null },
) =>
  checkDraft(
    c.var.database.db,
    c.var.units,
    d.draft.definition as Record<string, unknown>,
    d.ownerUnitId,
    pluginCatalogue(c.var.plugins),
  )

/** A draft as the API shows it, with its problems. */
export const draftView = async (
  c: Context<AppEnv>,
  d: { draft: typeof procedureDrafts.$inferSelect; code: string; ownerUnitId: string | null },
) => ({
  id: d.draft.id,
  procedureCode: d.code,
  ownerUnitCode: d.ownerUnitId ? ((await c.var.units.byId(d.ownerUnitId))?.code ?? null) : null,
  definition: d.draft.definition,
  updatedAt: d.draft.updatedAt,
  validation: await checkOf(c, d),
  period: periodOf(d.draft.definition, c.var.clock()),
})

/**
 * When the draft, once published, would take new dossiers, by its own `effective` period on the runtime's clock:
 * `scheduled` (from a later day), `inForce`, or `retired` (publishing it ends the procedure); null while unreadable.
 */
const periodOf = (definition: unknown, now: Date): PeriodState | null => {
  const effective = (definition as { effective?: { from?: unknown; to?: unknown } } | null)?.effective
  if (typeof effective?.from !== 'string') return null
  const to = typeof effective.to === 'string' ? effective.to : null
  return periodState({ from: effective.from, to }, vietnamDate(now))
}

/** The drafts the caller may edit, newest first, each with whether it can be published. */
export async function listDrafts(c: Context<AppEnv>, q: string | undefined) {
  const principal = requirePrincipal(c)
  const rows = await c.var.database.db
    .select({
      draft: procedureDrafts,
      code: procedures.code,
      ownerUnitId: procedures.ownerUnitId,
      basedOnVersion: procedureVersions.version,
      updatedByName: users.fullName,
    })
    .from(procedureDrafts)
    .innerJoin(procedures, eq(procedures.id, procedureDrafts.procedureId))
    .leftJoin(procedureVersions, eq(procedureVersions.id, procedureDrafts.basedOnVersionId))
    .leftJoin(users, eq(users.id, procedureDrafts.updatedBy))
    .orderBy(desc(procedureDrafts.updatedAt))
  const items = []
  for (const row of rows) {
    const name = String((row.draft.definition as { name?: unknown }).name ?? '')
    if (q && !matchesQuery(`${name} ${row.code}`, q)) continue
    if (!(await holdsRoleOver(c.var.units, principal, [...ADMIN_ROLES], row.ownerUnitId))) continue
    const { ok, issues } = await checkOf(c, row)
    items.push({
      id: row.draft.id,
      procedureCode: row.code,
      name,
      ownerUnitCode: row.ownerUnitId ? ((await c.var.units.byId(row.ownerUnitId))?.code ?? null) : null,
      basedOnVersion: row.basedOnVersion,
      updatedAt: row.draft.updatedAt,
      updatedBy: row.updatedByName,
      ok,
      problems: issues.length,
      period: periodOf(row.draft.definition, c.var.clock()),
    })
  }
  return items
}

/** Discards a draft; a procedure never published and with no other draft frees its code. */
export async function deleteDraft(db: Db, found: { draft: typeof procedureDrafts.$inferSelect }): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.delete(procedureDrafts).where(eq(procedureDrafts.id, found.draft.id))
    // a procedure that was never published and has no other draft frees its code
    await tx
      .delete(procedures)
      .where(
        and(
          eq(procedures.id, found.draft.procedureId),
          sql`not exists (select 1 from ${procedureVersions} where ${procedureVersions.procedureId} = ${procedures.id})`,
          sql`not exists (select 1 from ${procedureDrafts} where ${procedureDrafts.procedureId} = ${procedures.id} and ${ne(procedureDrafts.id, found.draft.id)})`,
        ),
      )
  })
}
