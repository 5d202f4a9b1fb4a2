import type { Role } from '@motcua/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import type { UnitDirectory } from '../units/unit-directory'
import { forbidden, requirePrincipal } from './middleware'
import type { Principal } from './principal'
import { ADMIN_ROLES } from './role-groups'

/**
 * Whether the caller holds one of `roles` for `unitId` or for a unit above it (a province administrator
 * covers the whole province; a district's administrator covers its communes). `null` = province-wide
 * things, which only province administrators hold.
 */
export async function holdsRoleOver(
  units: UnitDirectory,
  principal: Principal,
  roles: Role[],
  unitId: string | null,
): Promise<boolean> {
  const grants = principal.grants.filter((g) => roles.includes(g.role))
  if (grants.some((g) => g.role === 'province_admin')) return true
  if (!unitId || grants.length === 0) return false
  const lineage = await units.lineage(unitId)
  return grants.some((g) => g.unitId !== null && lineage.includes(g.unitId))
}

/** Route guard: the caller administers `ownerUnitId` (null = a province-wide thing), or a 403. */
export async function assertAdministers(c: Context<AppEnv>, ownerUnitId: string | null): Promise<void> {
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMIN_ROLES], ownerUnitId))) throw forbidden()
}
