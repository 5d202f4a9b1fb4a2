import { navigate, SignInForm, type User, useLocation, useSession } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { useI18n } from '../i18n/i18n'
import { PrivacyLink } from '../legal/privacy-link'

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
  const [error, setError] = useState<unknown>()
  const submit = async (username: string, password: string) => {
    setError(undefined)
    try {
      const signedIn = await login(username, password)
      // officers work at the desk and administrators in the studio: send them there, not to a citizen's page
      const elsewhere = workplaceOf(signedIn)
      if (elsewhere) return window.location.assign(elsewhere)
      const next = query.get('tiep') ?? '/ho-so-cua-toi'
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/ho-so-cua-toi', { replace: true })
    } catch (caught) {
      setError(caught)
    }
  }
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.lead')}</p>
      {user && !canWrite && <p className="notice">{t('login.again')}</p>}
      {user && canWrite && <p className="notice">{t('login.signedInAs', { name: user.fullName })}</p>}
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
      <PrivacyLink />
    </div>
  )
}
