import { StaffHeader, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { adminGrants, isProvinceAdmin } from '../lib/admin'

/** The studio's bar: its areas, who is signed in (and as what), the language and signing out. */
export function Header() {
  const { t } = useI18n()
  const { user } = useSession()
  const grant = user ? adminGrants(user)[0] : undefined
  return (
    <StaffHeader
      home="/studio"
      nav={
        grant
          ? [
              { to: '/studio', label: t('nav.procedures') },
              { to: '/studio/nguoi-dung', label: t('nav.people') },
              { to: '/studio/don-vi', label: t('nav.units') },
              { to: '/studio/hang-doi', label: t('nav.outbox') },
              { to: '/studio/tien-ich', label: t('nav.plugins') },
              ...(user && isProvinceAdmin(user) ? [{ to: '/studio/sap-xep', label: t('nav.reorganisations') }] : []),
            ]
          : []
      }
      userDetail={grant && `${t(`role.${grant.role}`)}${grant.unitCode ? ` · ${grant.unitCode}` : ''}`}
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
