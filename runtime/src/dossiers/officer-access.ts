import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal } from '../auth/middleware'
import type { Principal } from '../auth/principal'
import { ADMIN_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import type { UnitDirectory } from '../units/unit-directory'
import { notFoundDossier } from './errors'
import { type LoadedDossier, loadDossier } from './load-dossier'

/** The units whose dossiers the caller works on as an officer. */
export const officerUnits = (p: Principal): string[] => [
  ...new Set(p.grants.filter((g) => OFFICER_ROLES.includes(g.role) && g.unitId).map((g) => g.unitId!)),
]

/** Whether the caller sees a unit's dossiers: as one of its officers, or as an administrator of it or a unit above. */
export async function canSee(units: UnitDirectory, p: Principal, unitId: string): Promise<boolean> {
  return officerUnits(p).includes(unitId) || (await holdsRoleOver(units, p, [...ADMIN_ROLES], unitId))
}

/** The dossier of the route's `:receiptCode`, when the signed-in caller may see it (404, or 403 outside their units). */
export async function loadOfficerDossier(c: Context<AppEnv>): Promise<LoadedDossier> {
  const code = c.req.param('receiptCode')!
  const found = await loadDossier(c.var, code)
  if (!found) throw notFoundDossier(code)
  if (!(await canSee(c.var.units, requirePrincipal(c), found.dossier.unitId))) throw forbidden()
  return found
}
