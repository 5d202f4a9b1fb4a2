import { navigate, SignInForm, useLocation, useSession } from '@motcua/web-kit'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { adminGrants } from '../lib/admin'
import { ErrorBox, usePageTitle } from './status'

/** Sign in with an administrator account, then go back where the studio was asked for. */
export function LoginPage() {
  const { t } = useI18n()
  usePageTitle(t('login.title'))
  const { login, user } = useSession()
  const { query } = useLocation()
  const [error, setError] = useState<unknown>()
  const submit = async (username: string, password: string) => {
    setError(undefined)
    try {
      const signedIn = await login(username, password)
      if (adminGrants(signedIn).length === 0) return
      const next = query.get('tiep') ?? '/studio'
      navigate(next.startsWith('/studio') ? next : '/studio', { replace: true })
    } catch (caught) {
      setError(caught)
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
      <SignInForm
        texts={{
          username: t('login.username'),
          password: t('login.password'),
          showPassword: t('login.showPassword'),
          submit: t('login.submit'),
        }}
        onSubmit={submit}
      />
      <p className="muted">{t('login.demo')}</p>
    </div>
  )
}
