import type { Role } from '@motcua/core'

/** Officers of a unit's one-stop shop: they receive, process and approve its dossiers. */
export const OFFICER_ROLES = ['receiving_officer', 'specialist', 'leader'] as const satisfies readonly Role[]

/** Administrators: a unit's (covering the units below it) and the province's (covering everything). */
export const ADMIN_ROLES = ['province_admin', 'unit_admin'] as const satisfies readonly Role[]
