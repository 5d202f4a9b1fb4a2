import { Link, navigate, useLocation, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { holds, officerGrants } from '../lib/officer'

/** The desk's bar: its areas, who is signed in (role and unit), the language and signing out. */
export function Header() {
  const { t, locale, setLocale } = useI18n()
  const { user, logout } = useSession()
  const { path } = useLocation()
  const current = (to: string) => (path === to || (to !== '/desk' && path.startsWith(to)) ? 'page' : undefined)
  const grants = user ? officerGrants(user) : []
  return (
    <header className="app-header">
      <Link to="/desk" className="app-brand">
        <span className="app-brand__mark" aria-hidden="true">
          QN
        </span>
        {t('app.brand')}
      </Link>
      {user && (
        <nav aria-label={t('nav.menu')} className="app-nav">
          <Link to="/desk" aria-current={current('/desk')}>
            {t('nav.queues')}
          </Link>
          {holds(user, 'receiving_officer') && (
            <Link to="/desk/tiep-nhan" aria-current={current('/desk/tiep-nhan')}>
              {t('nav.intake')}
            </Link>
          )}
          {holds(user, 'leader') && (
            <Link to="/desk/lanh-dao" aria-current={current('/desk/lanh-dao')}>
              {t('nav.leader')}
            </Link>
          )}
        </nav>
      )}
      <div className="app-header__end">
        {user && (
          <span className="app-user" data-testid="signed-in-as">
            {user.fullName}
            {grants.length > 0 && (
              <small>
                {[...new Set(grants.map((g) => t(`role.${g.role}`)))].join(', ')} ·{' '}
                {[...new Set(grants.map((g) => g.unitCode))].join(', ')}
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
              void logout().then(() => navigate('/desk/dang-nhap'))
            }}
          >
            {t('nav.logout')}
          </button>
        )}
      </div>
    </header>
  )
}
