import type { Role } from '@motcua/core'

/** Officers of a unit's one-stop shop: they receive, process and approve its dossiers. */
export const OFFICER_ROLES: readonly Role[] = ['receiving_officer', 'specialist', 'leader']

/** Administrators: a unit's (covering the units below it) and the province's (covering everything). */
export const ADMIN_ROLES: readonly Role[] = ['province_admin', 'unit_admin']

/** Who may see a unit's dossiers at the desk: its officers and the administrators over it. */
export const DESK_ROLES: readonly Role[] = [...OFFICER_ROLES, ...ADMIN_ROLES]
