import { DomainError, foldVietnamese, type Issue, type Role } from '@motcua/core'
import { accountChanges, type Db, pgError, sessions, units, userRoles, users, withTransaction } from '@motcua/db'
import { and, asc, count, eq, exists, inArray, ne, notExists, type SQL, sql } from 'drizzle-orm'
import { hashPassword } from '../auth/passwords'
import { ADMIN_ROLES } from '../auth/role-groups'
import { sha256 } from '../auth/tokens'
import type { UnitDirectory } from '../units/unit-directory'
import { type AdminScope, grantInScope, STAFF_ROLES } from './scope'

/** An officer's or administrator's account as administrators see it: never its password or hash. */
export interface Account {
  id: string
  username: string
  fullName: string
  disabled: boolean
  isDemo: boolean
  /** The roles the caller administers (those for other units are not shown), by unit code then role. */
  grants: { role: Role; unitCode: string | null; unitName: string | null }[]
}

/** A role for a unit, as a request names it. */
export interface GrantInput {
  role: Role
  unitCode: string
}

/** Who makes a change: the caller's account and, to keep it signed in when it changes its own password, its session. */
export interface Actor {
  userId: string
  sessionToken?: string | undefined
}

interface StoredGrant {
  id: string
  role: Role
  unitId: string | null
  unitCode: string | null
  unitName: string | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const accountColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  disabled: users.disabled,
  isDemo: users.isDemo,
}

const problem = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })
const noAccount = () => new DomainError('NOT_FOUND', { vi: 'Không tìm thấy tài khoản này.', en: 'No such account.' })

/** The folded (lower case, no diacritics, đ → d) name and username, as `foldVietnamese` folds the search words. */
const searchable = sql`lower(translate(regexp_replace(normalize(${users.fullName}, NFD), '[\\u0300-\\u036f]', '', 'g'), 'Đđ', 'dd')) || ' ' || ${users.username}`
/** `%`, `_` and `\` match themselves, not as LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[%_\\]/g, (ch) => `\\${ch}`)

const isCitizen = (db: Db) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(userRoles)
      .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, 'citizen'))),
  )

/** The grants a caller sees: staff roles within its scope, and within `unitIds` / of `role` when the list is filtered. */
function grantFilter(scope: AdminScope, filter: { unitIds?: string[]; role?: Role }): SQL | undefined {
  return and(
    inArray(userRoles.role, [...STAFF_ROLES]),
    scope.all ? undefined : ne(userRoles.role, 'province_admin'),
    scope.all ? undefined : inArray(userRoles.unitId, [...scope.unitIds]),
    filter.unitIds ? inArray(userRoles.unitId, filter.unitIds) : undefined,
    filter.role ? eq(userRoles.role, filter.role) : undefined,
  )
}

async function grantsOf(db: Db, userIds: string[]): Promise<(StoredGrant & { userId: string })[]> {
  if (userIds.length === 0) return []
  const rows = await db
    .select({
      id: userRoles.id,
      userId: userRoles.userId,
      role: userRoles.role,
      unitId: userRoles.unitId,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(units.code), asc(userRoles.role))
  return rows.map((r) => ({ ...r, role: r.role as Role }))
}

const shown = (scope: AdminScope, grants: StoredGrant[]) =>
  grants.filter((g) => grantInScope(scope, g)).map(({ role, unitCode, unitName }) => ({ role, unitCode, unitName }))

/**
 * One page of the accounts with a grant the caller administers (a province administrator also sees the accounts
 * left without any role), searched by words of the name or username with or without diacritics.
 * @example await listAccounts(db, scope, { q: 'nguyen', page: 1, pageSize: 50 })
 */
export async function listAccounts(
  db: Db,
  scope: AdminScope,
  filter: { q?: string; unitIds?: string[]; role?: Role; page: number; pageSize: number },
): Promise<{ items: Account[]; total: number }> {
  if (!scope.all && scope.unitIds.size === 0) return { items: [], total: 0 }
  const withGrant = exists(
    db
      .select({ one: sql`1` })
      .from(userRoles)
      .where(and(eq(userRoles.userId, users.id), grantFilter(scope, filter))),
  )
  const noRole = notExists(db.select({ one: sql`1` }).from(userRoles).where(eq(userRoles.userId, users.id)))
  const words = filter.q ? foldVietnamese(filter.q).split(' ').filter(Boolean) : []
  const where = and(
    scope.all && !filter.unitIds && !filter.role ? sql`(${withGrant} or ${noRole})` : withGrant,
    sql`not ${isCitizen(db)}`,
    ...words.map((w) => sql`${searchable} like ${`%${likeLiteral(w)}%`}`),
  )
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where)
  const rows = await db
    .select(accountColumns)
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => ({
      ...r,
      grants: shown(
        scope,
        grants.filter((g) => g.userId === r.id),
      ),
    })),
    total,
  }
}

/** An account the caller manages with all its grants, or a 404 (unknown, a citizen's, or none of its grants in scope). */
async function managedAccount(db: Db, scope: AdminScope, id: string) {
  if (!UUID.test(id)) throw noAccount()
  const [account] = await db.select(accountColumns).from(users).where(eq(users.id, id))
  if (!account) throw noAccount()
  const grants = await grantsOf(db, [id])
  if (grants.some((g) => g.role === 'citizen')) throw noAccount()
  if (!scope.all && !grants.some((g) => grantInScope(scope, g))) throw noAccount()
  return { account, grants }
}

/** The account as the caller sees it, after a change (which may have left it no grant the caller sees). */
async function accountView(db: Db, scope: AdminScope, id: string): Promise<Account> {
  const [account] = await db.select(accountColumns).from(users).where(eq(users.id, id))
  if (!account) throw noAccount()
  return { ...account, grants: shown(scope, await grantsOf(db, [id])) }
}

/**
 * Checks requested grants: every unit exists and is named once per role (400, at its path), every grant is the
 * caller's to give (403).
 */
async function resolveGrants(units: UnitDirectory, scope: AdminScope, grants: GrantInput[]) {
  const issues: Issue[] = []
  const resolved: { role: Role; unitId: string; unitCode: string }[] = []
  const seen = new Set<string>()
  for (const [i, grant] of grants.entries()) {
    const unit = await units.byCode(grant.unitCode)
    if (!unit) {
      issues.push(
        problem(
          'unit.unknown',
          `/grants/${i}/unitCode`,
          `Không có đơn vị mã ${grant.unitCode}.`,
          `No unit ${grant.unitCode}.`,
        ),
      )
      continue
    }
    const key = `${grant.role} ${unit.id}`
    if (seen.has(key))
      issues.push(
        problem(
          'key.duplicate',
          `/grants/${i}`,
          `Vai trò này tại đơn vị ${unit.code} đã có ở dòng trên: mỗi vai trò tại một đơn vị chỉ ghi một lần.`,
          `This role at ${unit.code} is listed twice.`,
        ),
      )
    seen.add(key)
    resolved.push({ role: grant.role, unitId: unit.id, unitCode: unit.code })
  }
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Danh sách vai trò chưa hợp lệ.', en: 'Some of the roles are not valid.' },
      issues,
    )
  for (const g of resolved) {
    if (!scope.all && g.role === 'province_admin')
      throw new DomainError('FORBIDDEN', {
        vi: 'Chỉ quản trị tỉnh mới cấp hoặc bỏ được vai trò quản trị tỉnh.',
        en: 'Only a province administrator grants the province administrator role.',
      })
    if (!grantInScope(scope, g))
      throw new DomainError('FORBIDDEN', {
        vi: `Bạn không quản trị đơn vị ${g.unitCode}: không thể cấp vai trò tại đơn vị này.`,
        en: `You do not administer unit ${g.unitCode}.`,
      })
  }
  return resolved
}

const grantRecord = (grants: { role: string; unitCode: string | null }[]) =>
  grants.map(({ role, unitCode }) => ({ role, unitCode }))

/**
 * Creates an officer's or administrator's account with its roles, audited (without the password).
 * @example await createAccount(db, units, scope, actor, { username: 'tiepnhan2.06649', fullName: 'Lê Văn Cường', password: '…', grants: [{ role: 'receiving_officer', unitCode: '06649' }] })
 */
export async function createAccount(
  db: Db,
  units: UnitDirectory,
  scope: AdminScope,
  actor: Actor,
  input: { username: string; fullName: string; password: string; grants: GrantInput[] },
): Promise<Account> {
  const grants = await resolveGrants(units, scope, input.grants)
  const taken = () =>
    new DomainError(
      'CONFLICT',
      {
        vi: `Tên đăng nhập ${input.username} đã có người dùng. Vui lòng chọn tên khác.`,
        en: `The username ${input.username} is taken.`,
      },
      [problem('username.taken', '/username', 'Tên đăng nhập đã có người dùng', 'Taken')],
    )
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username))
  if (existing) throw taken()
  const passwordHash = await hashPassword(input.password)
  let id: string
  try {
    id = await withTransaction(db, async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ username: input.username, fullName: input.fullName, passwordHash })
        .returning({ id: users.id })
      await tx.insert(userRoles).values(grants.map((g) => ({ userId: created!.id, role: g.role, unitId: g.unitId })))
      await tx.insert(accountChanges).values({
        userId: created!.id,
        actorUserId: actor.userId,
        kind: 'create',
        detail: { username: input.username, fullName: input.fullName, grants: grantRecord(grants) },
      })
      return created!.id
    })
  } catch (error) {
    // two administrators creating the same username at once
    if (pgError(error)?.code === '23505') throw taken()
    throw error
  }
  return accountView(db, scope, id)
}

/**
 * Changes an account's name, state or password, audited (a password only as "changed"). Disabling it or setting its
 * password ends its sessions (the caller's own stays). Only a province administrator changes an account that also
 * works for units outside the caller's; nobody disables their own.
 */
export async function updateAccount(
  db: Db,
  scope: AdminScope,
  actor: Actor,
  id: string,
  change: { fullName?: string; disabled?: boolean; password?: string },
): Promise<Account> {
  const { account, grants } = await managedAccount(db, scope, id)
  if (!grants.every((g) => grantInScope(scope, g)))
    throw new DomainError('FORBIDDEN', {
      vi: 'Tài khoản này còn có vai trò tại đơn vị ngoài phạm vi bạn quản trị: chỉ quản trị tỉnh mới đổi được tên, trạng thái hay mật khẩu của tài khoản.',
      en: 'The account also holds roles outside your units: only a province administrator may change it.',
    })
  if (change.disabled && id === actor.userId)
    throw new DomainError('CONFLICT', {
      vi: 'Bạn không thể tự khóa tài khoản của chính mình.',
      en: 'You cannot disable your own account.',
    })
  const detail: Record<string, unknown> = {}
  if (change.fullName !== undefined && change.fullName !== account.fullName)
    detail.fullName = { before: account.fullName, after: change.fullName }
  if (change.disabled !== undefined && change.disabled !== account.disabled)
    detail.disabled = { before: account.disabled, after: change.disabled }
  if (change.password !== undefined) detail.password = 'changed'
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password)
  if (Object.keys(detail).length)
    await withTransaction(db, async (tx) => {
      await tx
        .update(users)
        .set({
          ...(change.fullName !== undefined ? { fullName: change.fullName } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(passwordHash ? { passwordHash } : {}),
        })
        .where(eq(users.id, id))
      if (change.disabled || passwordHash) {
        const own = id === actor.userId && actor.sessionToken ? sha256(actor.sessionToken) : undefined
        await tx.delete(sessions).where(and(eq(sessions.userId, id), own ? ne(sessions.tokenHash, own) : undefined))
      }
      await tx.insert(accountChanges).values({ userId: id, actorUserId: actor.userId, kind: 'update', detail })
    })
  return accountView(db, scope, id)
}

/**
 * Replaces the account's grants within the caller's scope and keeps the others, audited with the grants before and
 * after. An administrator cannot take away its own last administrator role.
 */
export async function replaceGrants(
  db: Db,
  units: UnitDirectory,
  scope: AdminScope,
  actor: Actor,
  id: string,
  requested: GrantInput[],
): Promise<Account> {
  await managedAccount(db, scope, id)
  const wanted = await resolveGrants(units, scope, requested)
  const same = (a: { role: string; unitId: string | null }, b: { role: string; unitId: string | null }) =>
    a.role === b.role && a.unitId === b.unitId
  await withTransaction(db, async (tx) => {
    // the account locked and its grants read again: two administrators changing them at once apply one after the other
    await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update')
    const grants = await grantsOf(tx, [id])
    const replaced = grants.filter((g) => grantInScope(scope, g))
    const kept = grants.filter((g) => !grantInScope(scope, g))
    if (id === actor.userId && ![...kept, ...wanted].some((g) => ADMIN_ROLES.includes(g.role)))
      throw new DomainError('CONFLICT', {
        vi: 'Bạn không thể bỏ vai trò quản trị cuối cùng của chính mình. Hãy nhờ một quản trị khác nếu cần.',
        en: 'You cannot remove your own last administrator role.',
      })
    const removed = replaced.filter((g) => !wanted.some((w) => same(g, w)))
    const added = wanted.filter((w) => !replaced.some((g) => same(g, w)))
    if (!removed.length && !added.length) return
    if (removed.length)
      await tx.delete(userRoles).where(
        inArray(
          userRoles.id,
          removed.map((g) => g.id),
        ),
      )
    if (added.length)
      await tx.insert(userRoles).values(added.map((g) => ({ userId: id, role: g.role, unitId: g.unitId })))
    await tx.insert(accountChanges).values({
      userId: id,
      actorUserId: actor.userId,
      kind: 'grants',
      detail: {
        before: grantRecord(grants),
        after: grantRecord([...kept, ...wanted]),
        added: grantRecord(added),
        removed: grantRecord(removed),
      },
    })
  })
  return accountView(db, scope, id)
}
