import type { User } from '@motcua/web-kit'

export type OfficerRole = 'receiving_officer' | 'specialist' | 'leader'
const OFFICER_ROLES: readonly string[] = ['receiving_officer', 'specialist', 'leader']

/** The account's officer grants (role at a unit), in the order the runtime gave them. */
export const officerGrants = (user: User): { role: OfficerRole; unitCode: string }[] =>
  user.roles.filter(
    (r): r is { role: OfficerRole; unitCode: string } => OFFICER_ROLES.includes(r.role) && r.unitCode !== null,
  )

/** Whether the account may use the desk: an officer of some unit, or an administrator (who reads it). */
export const mayUseDesk = (user: User): boolean =>
  officerGrants(user).length > 0 || user.roles.some((r) => r.role === 'province_admin' || r.role === 'unit_admin')

/** Whether the account holds `role` at some unit (at `unitCode` when given). */
export const holds = (user: User, role: OfficerRole, unitCode?: string): boolean =>
  officerGrants(user).some((g) => g.role === role && (unitCode === undefined || g.unitCode === unitCode))
