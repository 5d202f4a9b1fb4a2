import type { Role } from '@motcua/core'
import type { Principal } from '../auth/principal'
import { ADMIN_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import type { UnitDirectory } from '../units/unit-directory'

/** The roles of officers' and administrators' accounts, the ones managed here (citizens' are not). */
export const STAFF_ROLES: readonly Role[] = [...OFFICER_ROLES, ...ADMIN_ROLES]

/** What a unit's administrator may grant within its units; only a province administrator grants `province_admin`. */
export const UNIT_GRANTABLE_ROLES: readonly Role[] = [...OFFICER_ROLES, 'unit_admin']

/** The units whose people an administrator manages: everything for a province administrator. */
export type AdminScope = { all: true } | { all: false; unitIds: ReadonlySet<string> }

/**
 * A province administrator's scope is everything; a unit administrator's the subtrees of the units it holds
 * `unit_admin` for (a district's administrator covers its communes).
 * @example const scope = await adminScope(c.var.units, requirePrincipal(c))
 */
export async function adminScope(units: UnitDirectory, principal: Principal): Promise<AdminScope> {
  if (principal.grants.some((g) => g.role === 'province_admin')) return { all: true }
  const unitIds = new Set<string>()
  for (const g of principal.grants)
    if (g.role === 'unit_admin' && g.unitId) for (const id of await units.subtree(g.unitId)) unitIds.add(id)
  return { all: false, unitIds }
}

/** Whether a grant is the caller's to see and change: a staff role for one of its units (`province_admin` never for a unit administrator). */
export function grantInScope(scope: AdminScope, grant: { role: string; unitId: string | null }): boolean {
  if (!STAFF_ROLES.includes(grant.role as Role)) return false
  if (scope.all) return true
  return grant.role !== 'province_admin' && grant.unitId !== null && scope.unitIds.has(grant.unitId)
}
