import type { User } from '@motcua/web-kit'

export type AdminRole = 'province_admin' | 'unit_admin'

/** The account's administrator grants: the province's first, then its units'. */
export const adminGrants = (user: User): { role: AdminRole; unitCode: string | null }[] =>
  user.roles
    .filter(
      (r): r is { role: AdminRole; unitCode: string | null } => r.role === 'province_admin' || r.role === 'unit_admin',
    )
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'province_admin' ? -1 : 1))

/** Whether the account administers the whole province. */
export const isProvinceAdmin = (user: User): boolean => user.roles.some((r) => r.role === 'province_admin')

/** Whether the account may use the studio: an administrator of the province or of some unit. */
export const isAdministrator = (user: User): boolean => adminGrants(user).length > 0
