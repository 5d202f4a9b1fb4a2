import { navigate, useLocation, useSession } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { adminGrants } from '../lib/admin'
import { ErrorBox, usePageTitle } from './status'

/** Sign in with an administrator account, then go back where the studio was asked for. */
export function LoginPage() {
  const { t } = useI18n()
  usePageTitle(t('login.title'))
  const { login, user } = useSession()
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
      if (adminGrants(signedIn).length === 0) return
      const next = query.get('tiep') ?? '/studio'
      navigate(next.startsWith('/studio') ? next : '/studio', { replace: true })
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
      {user && adminGrants(user).length === 0 && (
        <p className="notice notice--error">{t('login.notAdmin', { name: user.username })}</p>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label className="field">
          <span className="label">{t('login.username')}</span>
          <input
            className="input"
            name="username"
            value={username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="label">{t('login.password')}</span>
          <input
            className="input"
            name="password"
            type={show ? 'text' : 'password'}
            value={password}
            autoComplete="current-password"
            required
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> {t('login.showPassword')}
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p className="muted">{t('login.demo')}</p>
    </div>
  )
}
