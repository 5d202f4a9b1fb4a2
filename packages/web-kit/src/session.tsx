import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiError, api, csrf } from './api'

/** A signed-in account as `/api/auth/me` gives it. */
export interface User {
  username: string
  fullName: string
  isDemo: boolean
  roles: { role: string; unitCode: string | null }[]
}

interface Session {
  /** The signed-in account (cookie session), or null. */
  user: User | null
  /** True once we know whether someone is signed in. */
  ready: boolean
  /** Whether changes can be sent: the CSRF token of this tab is known. */
  canWrite: boolean
  login: (username: string, password: string) => Promise<User>
  logout: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

// Set while this device believes it has a session, so anonymous visitors (most) skip the `GET /api/auth/me` round trip.
const HINT = 'motcua.signedIn'
const hint = {
  get: () => {
    try {
      return localStorage.getItem(HINT) === '1'
    } catch {
      return false
    }
  },
  set: (on: boolean) => {
    try {
      if (on) localStorage.setItem(HINT, '1')
      else localStorage.removeItem(HINT)
    } catch {
      // private mode
    }
  },
}

/** Who is signed in. The session is the runtime's httpOnly cookie; the CSRF token lives in this tab's sessionStorage. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null)
  const [ready, setReady] = useState(false)
  const [token, setToken] = useState(csrf.get)
  useEffect(() => {
    if (!hint.get()) return setReady(true)
    api<{ user: User }>('/api/auth/me')
      .then(({ user: me }) => setUser(me))
      .catch(() => {
        hint.set(false)
        setUser(null)
      })
      .finally(() => setReady(true))
  }, [])
  const login = useCallback(async (username: string, password: string) => {
    const result = await api<{ csrfToken: string; user: User }>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
    })
    csrf.set(result.csrfToken)
    hint.set(true)
    setToken(result.csrfToken)
    setUser(result.user)
    return result.user
  }, [])
  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
    }
    csrf.set(null)
    hint.set(false)
    setToken(null)
    setUser(null)
  }, [])
  const value = useMemo<Session>(
    () => ({ user, ready, canWrite: !!user && !!token, login, logout }),
    [user, ready, token, login, logout],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
