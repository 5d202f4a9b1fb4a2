import { navigate, type User, useLocation, useSession } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { useI18n } from '../i18n/i18n'

const OFFICER_ROLES = ['receiving_officer', 'specialist', 'leader']

/** Where a staff account works: the desk for officers, the studio for administrators; null for citizens. */
export const workplaceOf = (user: User): '/desk' | '/studio' | null =>
  user.roles.some((r) => OFFICER_ROLES.includes(r.role))
    ? '/desk'
    : user.roles.some((r) => r.role === 'province_admin' || r.role === 'unit_admin')
      ? '/studio'
      : null

/** Sign in with a citizen account (the cookie session; the CSRF token stays in this tab). */
export function LoginPage() {
  const { t } = useI18n()
  usePageTitle(t('login.title'))
  const { login, user, canWrite } = useSession()
  const { query } = useLocation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [show, setShow] = useState(false)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const signedIn = await login(username.trim(), password)
      // officers work at the desk and administrators in the studio: send them there, not to a citizen's page
      const elsewhere = workplaceOf(signedIn)
      if (elsewhere) return window.location.assign(elsewhere)
      const next = query.get('tiep') ?? '/ho-so-cua-toi'
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/ho-so-cua-toi', { replace: true })
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.lead')}</p>
      {user && !canWrite && <p className="notice">{t('login.again')}</p>}
      {user && canWrite && <p className="notice">{t('login.signedInAs', { name: user.fullName })}</p>}
      {error !== undefined && <ErrorBox error={error} />}
      <form onSubmit={(e) => void submit(e)} className="login-form">
        <label htmlFor="username" className="label">
          {t('login.username')}
        </label>
        <input
          id="username"
          className="input"
          value={username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password" className="label">
          {t('login.password')}
        </label>
        <input
          id="password"
          className="input"
          type={show ? 'text' : 'password'}
          value={password}
          autoComplete="current-password"
          required
          onChange={(e) => setPassword(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> {t('login.showPassword')}
        </label>
        <button type="submit" className="button button--wide" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  )
}
