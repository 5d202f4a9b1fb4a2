import { Link, navigate, useLocation, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { adminGrants } from '../lib/admin'

/** The studio's bar: its areas, who is signed in (and as what), the language and signing out. */
export function Header() {
  const { t, locale, setLocale } = useI18n()
  const { user, logout } = useSession()
  const { path } = useLocation()
  const current = (to: string) => (path === to || (to !== '/studio' && path.startsWith(to)) ? 'page' : undefined)
  const grant = user ? adminGrants(user)[0] : undefined
  return (
    <header className="app-header">
      <Link to="/studio" className="app-brand">
        <span className="app-brand__mark" aria-hidden="true">
          QN
        </span>
        {t('app.brand')}
      </Link>
      {user && grant && (
        <nav aria-label={t('nav.menu')} className="app-nav">
          <Link to="/studio" aria-current={current('/studio')}>
            {t('nav.procedures')}
          </Link>
          <Link to="/studio/nguoi-dung" aria-current={current('/studio/nguoi-dung')}>
            {t('nav.people')}
          </Link>
          <Link to="/studio/don-vi" aria-current={current('/studio/don-vi')}>
            {t('nav.units')}
          </Link>
        </nav>
      )}
      <div className="app-header__end">
        {user && (
          <span className="app-user" data-testid="signed-in-as">
            {user.fullName}
            {grant && (
              <small>
                {t(`role.${grant.role}` as 'role.unit_admin')}
                {grant.unitCode ? ` · ${grant.unitCode}` : ''}
              </small>
            )}
          </span>
        )}
        <button
          type="button"
          className="link-button"
          lang={locale === 'vi' ? 'en' : 'vi'}
          aria-label={t('app.languageLabel')}
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {t('app.language')}
        </button>
        {user && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void logout().then(() => navigate('/studio/dang-nhap'))
            }}
          >
            {t('nav.logout')}
          </button>
        )}
      </div>
    </header>
  )
}
