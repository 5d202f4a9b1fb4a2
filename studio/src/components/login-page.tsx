import { StaffSignInPage } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { isAdministrator } from '../lib/admin'

/** Sign in with an administrator account, then go back where the studio was asked for. */
export function LoginPage() {
  const { t } = useI18n()
  return (
    <StaffSignInPage
      home="/studio"
      mayEnter={isAdministrator}
      texts={{
        title: t('login.title'),
        appTitle: t('app.title'),
        lead: t('login.lead'),
        demo: t('login.demo'),
        refused: (name) => t('login.notAdmin', { name }),
        username: t('login.username'),
        password: t('login.password'),
        showPassword: t('login.showPassword'),
        submit: t('login.submit'),
      }}
    />
  )
}
