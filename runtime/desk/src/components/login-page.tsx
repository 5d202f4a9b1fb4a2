import { StaffSignInPage } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { mayUseDesk } from '../lib/officer'

/** Sign in with an officer's account, then go back where the desk was asked for. */
export function LoginPage() {
  const { t } = useI18n()
  return (
    <StaffSignInPage
      home="/desk"
      mayEnter={mayUseDesk}
      texts={{
        title: t('login.title'),
        appTitle: t('app.title'),
        lead: t('login.lead'),
        demo: t('login.demo'),
        refused: (name) => t('login.notOfficer', { name }),
        username: t('login.username'),
        password: t('login.password'),
        showPassword: t('login.showPassword'),
        submit: t('login.submit'),
      }}
    />
  )
}
