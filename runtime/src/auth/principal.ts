import type { Role } from '@motcua/core'
import { type Db, preparedOnce, units, userRoles, users } from '@motcua/db'
import { eq, sql } from 'drizzle-orm'

export interface Grant {
  role: Role
  /** The unit the role is held for; null for citizens and unscoped roles. */
  unitId: string | null
  unitCode: string | null
}

/** Who is calling, as every route sees it. */
export interface Principal {
  userId: string
  username: string
  fullName: string
  isDemo: boolean
  grants: Grant[]
}

// prepared once: every signed-in request loads its caller
const principalRows = preparedOnce((db) =>
  db
    .select({ user: users, role: userRoles.role, unitId: userRoles.unitId, unitCode: units.code })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('principal_rows'),
)

/** The signed-in account with its roles per unit, or undefined when it is gone or disabled. */
export async function loadPrincipal(db: Db, userId: string): Promise<Principal | undefined> {
  const rows = await principalRows(db).execute({ userId })
  const user = rows[0]?.user
  if (!user || user.disabled) return undefined
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    isDemo: user.isDemo,
    grants: rows.filter((r) => r.role).map((r) => ({ role: r.role as Role, unitId: r.unitId, unitCode: r.unitCode })),
  }
}

export const hasRole = (principal: Principal | undefined, ...roles: Role[]): boolean =>
  !!principal?.grants.some((g) => roles.includes(g.role))
