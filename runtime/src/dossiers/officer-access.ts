import { type Db, dossierEvents } from '@motcua/db'
import { and, eq, inArray } from 'drizzle-orm'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal } from '../auth/middleware'
import type { Principal } from '../auth/principal'
import { ADMIN_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import type { UnitDirectory } from '../units/unit-directory'
import type { DossierRow } from './act'
import { notFoundDossier } from './errors'
import { HAND_ACTIONS, handUnits } from './hand-over'
import { type LoadedDossier, loadDossier } from './load-dossier'

/** The units whose dossiers the caller works on as an officer. */
export const officerUnits = (p: Principal): string[] => [
  ...new Set(p.grants.filter((g) => OFFICER_ROLES.includes(g.role) && g.unitId).map((g) => g.unitId!)),
]

/**
 * Whether the caller sees a unit's dossiers: as one of its officers, or of the unit that took over its work in a
 * reorganisation, or as an administrator of it or a unit above.
 */
export async function canSee(units: UnitDirectory, p: Principal, unitId: string): Promise<boolean> {
  const own = officerUnits(p)
  if (own.includes(unitId) || (await holdsRoleOver(units, p, [...ADMIN_ROLES], unitId))) return true
  return own.length > 0 && (await units.successors(unitId)).some((id) => own.includes(id))
}

/**
 * Whether the caller sees a dossier: through its resolving, receiving or current unit, or through any unit it passed
 * through (liên thông): officers of every unit that handled it may read it, and only read it.
 */
export async function canSeeDossier(
  db: Db,
  units: UnitDirectory,
  p: Principal,
  d: Pick<DossierRow, 'id' | 'unitId' | 'receivingUnitId' | 'currentUnitId'>,
): Promise<boolean> {
  const direct = [d.unitId, d.receivingUnitId, d.currentUnitId].filter((id): id is string => !!id)
  for (const id of new Set(direct)) if (await canSee(units, p, id)) return true
  const handed = await db
    .select({ action: dossierEvents.action, data: dossierEvents.data })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, d.id), inArray(dossierEvents.action, [...HAND_ACTIONS])))
  const passed = new Set(
    handed.flatMap((e) => {
      const hand = handUnits(e)
      return hand ? [hand.fromUnit.id, hand.toUnit.id] : []
    }),
  )
  for (const id of passed) if (!direct.includes(id) && (await canSee(units, p, id))) return true
  return false
}

/** The dossier of the route's `:receiptCode`, when the signed-in caller may see it (404, or 403 outside their units). */
export async function loadOfficerDossier(c: Context<AppEnv>): Promise<LoadedDossier> {
  const code = c.req.param('receiptCode')!
  const found = await loadDossier(c.var, code)
  if (!found) throw notFoundDossier(code)
  if (!(await canSeeDossier(c.var.database.db, c.var.units, requirePrincipal(c), found.dossier))) throw forbidden()
  return found
}
