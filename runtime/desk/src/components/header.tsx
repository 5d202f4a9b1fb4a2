import { StaffHeader, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { holds, officerGrants } from '../lib/officer'

/** The desk's bar: its areas for the officer's roles, who is signed in (roles and units), language, sign out. */
export function Header() {
  const { t } = useI18n()
  const { user } = useSession()
  const grants = user ? officerGrants(user) : []
  const nav = [
    { to: '/desk', label: t('nav.queues') },
    ...(user && holds(user, 'receiving_officer') ? [{ to: '/desk/tiep-nhan', label: t('nav.intake') }] : []),
    ...(user && holds(user, 'leader') ? [{ to: '/desk/lanh-dao', label: t('nav.leader') }] : []),
  ]
  return (
    <StaffHeader
      home="/desk"
      nav={nav}
      userDetail={
        grants.length > 0 &&
        `${[...new Set(grants.map((g) => t(`role.${g.role}`)))].join(', ')} · ${[...new Set(grants.map((g) => g.unitCode))].join(', ')}`
      }
      texts={{
        brand: t('app.brand'),
        menu: t('nav.menu'),
        language: t('app.language'),
        languageLabel: t('app.languageLabel'),
        logout: t('nav.logout'),
      }}
    />
  )
}
