import { DomainError, matchesQuery, type PeriodState, periodState, vietnamDate } from '@motcua/core'
import { type Db, procedureDrafts, procedures, procedureVersions, users, withTransaction } from '@motcua/db'
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
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

/** The unit of an `ownerUnitCode` (at `path` in the request), or null for none; an unknown code is a 400. */
export async function ownerUnitIdOf(c: Context<AppEnv>, code: string | undefined, path = '/ownerUnitCode') {
  if (!code) return null
  const unit = await c.var.units.byCode(code)
  if (!unit)
    throw new DomainError('INVALID_DATA', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` }, [
      { code: 'unit.unknown', path, message: { vi: 'Đơn vị không tồn tại', en: 'Unknown unit' } },
    ])
  return unit.id
}

/**
 * A draft of a new procedure owned by `ownerUnitId` (null = province-wide), which the caller must administer: the
 * procedure's code is taken from the definition and must be free. Every way the studio starts a new procedure
 * (a blank draft, a library procedure, a copy of a published one) goes through here.
 */
export async function createDraft(
  c: Context<AppEnv>,
  definition: Record<string, unknown>,
  ownerUnitId: string | null,
  taken: (code: string) => DomainError = (code) =>
    new DomainError('CONFLICT', {
      vi: `Đã có thủ tục mã ${code}: hãy tạo bản nháp từ thủ tục đó.`,
      en: `Procedure ${code} exists: draft from it instead.`,
    }),
) {
  await assertAdministers(c, ownerUnitId)
  const code = definition.code
  if (typeof code !== 'string' || !code.trim()) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Bản nháp cần có mã thủ tục.', en: 'The draft needs a procedure code.' },
      [
        {
          code: 'required',
          path: '/definition/code',
          message: { vi: 'Vui lòng nhập mã thủ tục', en: 'Enter the procedure code' },
        },
      ],
    )
  }
  const created = await withTransaction(c.var.database.db, async (tx) => {
    const [procedure] = await tx.insert(procedures).values({ code, ownerUnitId }).onConflictDoNothing().returning()
    if (!procedure) throw taken(code)
    const [draft] = await tx
      .insert(procedureDrafts)
      .values({ procedureId: procedure.id, definition, updatedBy: requirePrincipal(c).userId })
      .returning()
    return { draft: draft!, code, ownerUnitId }
  })
  return draftView(c, created)
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
  awaitingApproval: await approvalOf(c, d.draft),
  lastRejection: await rejectionOf(c, d.draft),
})

/** The last request to publish turned down (or withdrawn by its requester), or null. */
async function rejectionOf(c: Context<AppEnv>, draft: DraftRow) {
  const rejection = draft.approvalRejection
  if (!rejection) return null
  const [who] = await c.var.database.db
    .select({ name: users.fullName })
    .from(users)
    .where(eq(users.id, rejection.userId))
  return { by: who?.name ?? null, at: rejection.at, note: rejection.note }
}

type DraftRow = typeof procedureDrafts.$inferSelect

/** A draft's request for publishing under four eyes, as the API shows it, or null. */
export async function approvalOf(c: Context<AppEnv>, draft: DraftRow, names?: ReadonlyMap<string, string>) {
  if (!draft.approvalRequestedBy || !draft.approvalRequestedAt) return null
  const requester = draft.approvalRequestedBy
  const name =
    names?.get(requester) ??
    (await c.var.database.db.select({ name: users.fullName }).from(users).where(eq(users.id, requester)))[0]?.name
  return {
    requestedBy: name ?? null,
    requestedByMe: requester === requirePrincipal(c).userId,
    requestedAt: draft.approvalRequestedAt,
    effectiveFrom: draft.approvalEffectiveFrom,
  }
}

/** The full names of users by id, in one query. */
export async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return new Map()
  const rows = await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}

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
  const names = await userNames(
    c.var.database.db,
    rows.map((r) => r.draft.approvalRequestedBy),
  )
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
      awaitingApproval: await approvalOf(c, row.draft, names),
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
