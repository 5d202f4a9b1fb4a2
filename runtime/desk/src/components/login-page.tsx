import { navigate, SignInForm, useLocation, useSession } from '@motcua/web-kit'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { mayUseDesk } from '../lib/officer'
import { ErrorBox, usePageTitle } from './status'

/** Sign in with an officer's account, then go back where the desk was asked for. */
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
      if (!mayUseDesk(signedIn)) return
      const next = query.get('tiep') ?? '/desk'
      navigate(next.startsWith('/desk') ? next : '/desk', { replace: true })
    } catch (caught) {
      setError(caught)
    }
  }
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.lead')}</p>
      {user && !mayUseDesk(user) && (
        <p className="notice notice--error">{t('login.notOfficer', { name: user.username })}</p>
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
