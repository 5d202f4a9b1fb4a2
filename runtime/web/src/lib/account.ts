import { api, useSession } from '@motcua/web-kit'
import { useEffect, useState } from 'react'

/** A signed-in citizen's own details, as `GET /api/me` gives them (only what the account holds). */
export interface Account {
  fullName: string
  idNumber?: string
  phone?: string
  email?: string
}

/**
 * The person's name without the demo accounts' note.
 * @example accountName('Nguyễn Văn An (tài khoản demo)') // 'Nguyễn Văn An'
 */
export const accountName = (fullName: string): string => fullName.replace(/\s*\(tài khoản demo\)\s*$/, '').trim()

/**
 * What a Vietnamese name is called by, for a narrow screen: the given name, its last word.
 * @example givenName('Nguyễn Văn An (tài khoản demo)') // 'An'
 */
export const givenName = (fullName: string): string => accountName(fullName).split(/\s+/).at(-1) ?? ''

/** The signed-in citizen's details (undefined while loading, for officers and when signed out). */
export function useAccount(): Account | undefined {
  const { user } = useSession()
  const citizen = !!user?.roles.some((r) => r.role === 'citizen')
  const [account, setAccount] = useState<Account>()
  useEffect(() => {
    if (!citizen) return setAccount(undefined)
    let live = true
    api<Account>('/api/me').then(
      (found) => live && setAccount({ ...found, fullName: accountName(found.fullName) }),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [citizen])
  return account
}
