import { matchesQuery } from '@motcua/core'
import { procedureDrafts, procedures, users } from '@motcua/db'
import { desc, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import { approvalOf, checkOf, userNames } from './drafts'
import { hasStarted, startsOn } from './registry'

/** Where a procedure stands for its administrators. */
export type AdminProcedureState = 'draft' | 'published' | 'scheduled' | 'retired'

/** One procedure as the studio lists it. */
export interface AdminProcedure {
  code: string
  name: string
  level: string | null
  field: string | null
  ownerUnitCode: string | null
  ownerUnitName: string | null
  state: AdminProcedureState
  /** The version in force (`published`), or the last one that was (`retired`); else null. */
  version: number | null
  /** A version published to take over later, from its first day (YYYY-MM-DD, Vietnam time). */
  scheduled: { version: number; from: string } | null
  /** The procedure's newest draft. */
  draft: {
    id: string
    updatedAt: Date
    updatedBy: string | null
    ok: boolean
    problems: number
    awaitingApproval: Awaited<ReturnType<typeof approvalOf>>
  } | null
  /** A draft exists over a published procedure. */
  unpublishedChanges: boolean
}

export interface AdminProcedureFilter {
  q?: string
  level?: string
  field?: string
  /** An owner unit's code: its procedures and those of the units below it. */
  unit?: string
  state?: AdminProcedureState | 'changes'
}

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Every procedure the caller administers (a unit's administrators: those their units own; the province's: all,
 * province-wide ones included), with its state, filtered. Two queries (procedures, drafts); the versions come
 * from the registry's memory, and only the drafts listed are validated.
 */
export async function listAdminProcedures(c: Context<AppEnv>, filter: AdminProcedureFilter): Promise<AdminProcedure[]> {
  const { db } = c.var.database
  const principal = requirePrincipal(c)
  const now = c.var.clock()
  let within: Set<string> | undefined
  if (filter.unit) {
    const unit = await c.var.units.byCode(filter.unit)
    if (!unit) return []
    within = new Set(await c.var.units.subtree(unit.id))
  }
  const all = await db.select().from(procedures)
  const drafts = await db
    .select({ draft: procedureDrafts, updatedByName: users.fullName })
    .from(procedureDrafts)
    .leftJoin(users, eq(users.id, procedureDrafts.updatedBy))
    .orderBy(desc(procedureDrafts.updatedAt))
  const newestDraft = new Map<string, (typeof drafts)[number]>()
  for (const row of drafts) if (!newestDraft.has(row.draft.procedureId)) newestDraft.set(row.draft.procedureId, row)
  const administered = new Map<string | null, boolean>()
  const mayAdminister = async (unitId: string | null) => {
    if (!administered.has(unitId))
      administered.set(unitId, await holdsRoleOver(c.var.units, principal, [...ADMIN_ROLES], unitId))
    return administered.get(unitId)!
  }

  const found: { procedure: typeof procedures.$inferSelect; row: Omit<AdminProcedure, 'draft'> }[] = []
  for (const procedure of all) {
    if (within && !(procedure.ownerUnitId && within.has(procedure.ownerUnitId))) continue
    if (!(await mayAdminister(procedure.ownerUnitId))) continue
    const versions = await c.var.registry.versions(procedure.code)
    const draft = newestDraft.get(procedure.id)
    const current = versions.length ? await c.var.registry.current(procedure.code, now) : undefined
    const started = versions.find((v) => hasStarted(v, now))
    const next = versions.length ? await c.var.registry.scheduled(procedure.code, now) : undefined
    const state: AdminProcedureState = !versions.length
      ? 'draft'
      : current
        ? 'published'
        : started
          ? 'retired'
          : 'scheduled'
    const shown =
      (current ?? started ?? versions[0])?.definition ?? (draft?.draft.definition as Record<string, unknown>)
    const { name, level, field } = (shown ?? {}) as Record<string, unknown>
    const owner = procedure.ownerUnitId ? await c.var.units.byId(procedure.ownerUnitId) : undefined
    const row: Omit<AdminProcedure, 'draft'> = {
      code: procedure.code,
      name: textOf(name) ?? '',
      level: textOf(level),
      field: textOf(field),
      ownerUnitCode: owner?.code ?? null,
      ownerUnitName: owner?.name ?? null,
      state,
      version: current?.version ?? (state === 'retired' ? started!.version : null),
      scheduled: next ? { version: next.version, from: startsOn(next) } : null,
      unpublishedChanges: !!draft && versions.length > 0,
    }
    if (filter.q && !matchesQuery(`${row.name} ${row.code}`, filter.q)) continue
    if (filter.level && row.level !== filter.level) continue
    if (filter.field && !(row.field && matchesQuery(row.field, filter.field))) continue
    if (filter.state === 'changes' ? !row.unpublishedChanges : filter.state && row.state !== filter.state) continue
    found.push({ procedure, row })
  }

  const names = await userNames(
    db,
    found.map(({ procedure }) => newestDraft.get(procedure.id)?.draft.approvalRequestedBy ?? null),
  )
  const items: AdminProcedure[] = []
  for (const { procedure, row } of found) {
    const newest = newestDraft.get(procedure.id)
    let draft: AdminProcedure['draft'] = null
    if (newest) {
      const { ok, issues } = await checkOf(c, { draft: newest.draft, ownerUnitId: procedure.ownerUnitId })
      draft = {
        id: newest.draft.id,
        updatedAt: newest.draft.updatedAt,
        updatedBy: newest.updatedByName,
        ok,
        problems: issues.length,
        awaitingApproval: await approvalOf(c, newest.draft, names),
      }
    }
    items.push({ ...row, draft })
  }
  return items.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.code.localeCompare(b.code))
}
