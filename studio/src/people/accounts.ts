import { api } from '@motcua/web-kit'

/** The roles an administrator grants at a unit (`province_admin` only by a province administrator). */
export const UNIT_ROLES = ['receiving_officer', 'specialist', 'leader', 'unit_admin'] as const
export type StaffRole = (typeof UNIT_ROLES)[number] | 'province_admin'

/** A role at a unit, as the API takes it. */
export interface Grant {
  role: StaffRole
  unitCode: string
}

/** An officer's or administrator's account as administrators see it (never its password). */
export interface Account {
  id: string
  username: string
  fullName: string
  disabled: boolean
  isDemo: boolean
  grants: (Grant & { unitName: string })[]
}

export interface AccountQuery {
  q: string
  unit: string
  role: string
  page: number
}

export const PAGE_SIZE = 20

export function listAccounts(query: AccountQuery): Promise<{ items: Account[]; total: number }> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) })
  if (query.q.trim()) params.set('q', query.q.trim())
  if (query.unit) params.set('unit', query.unit)
  if (query.role) params.set('role', query.role)
  return api(`/api/admin/users?${params}`)
}

export const createAccount = (body: { username: string; fullName: string; password: string; grants: Grant[] }) =>
  api<Account>('/api/admin/users', { method: 'POST', body })

export const changeAccount = (id: string, change: { fullName?: string; disabled?: boolean; password?: string }) =>
  api<Account>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })

export const replaceGrants = (id: string, grants: Grant[]) =>
  api<Account>(`/api/admin/users/${encodeURIComponent(id)}/grants`, { method: 'PUT', body: { grants } })

// no 0/O, 1/l/I: read aloud or copied by hand at the counter
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random initial password of 14 characters, from the browser's secure generator. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14))
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}
