import { Link, navigate, useLocation, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { accountName, givenName } from '../lib/account'

export function Header() {
  const { t, locale, setLocale } = useI18n()
  const { user, logout } = useSession()
  const { path } = useLocation()
  const current = (to: string) => (path === to || (to !== '/' && path.startsWith(to)) ? 'page' : undefined)
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            QN
          </span>
          <span className="brand__name">{t('app.short')}</span>
        </Link>
        <button
          type="button"
          className="lang-switch"
          lang={locale === 'vi' ? 'en' : 'vi'}
          aria-label={t('app.languageLabel')}
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {t('app.language')}
        </button>
      </div>
      <nav aria-label={t('nav.menu')} className="site-nav">
        <Link to="/" aria-current={current('/')}>
          {t('nav.home')}
        </Link>
        <Link to="/tra-cuu" aria-current={current('/tra-cuu')}>
          {t('nav.track')}
        </Link>
        <Link to="/thong-ke" aria-current={current('/thong-ke')}>
          {t('nav.statistics')}
        </Link>
        {user ? (
          <>
            <Link to="/ho-so-cua-toi" aria-current={current('/ho-so-cua-toi')}>
              {t('nav.mine')}
            </Link>
            {/* who is signed in (the given name on a phone, the full name wider), with the way out beside it */}
            <span className="site-nav__account">
              <span className="site-account" data-testid="signed-in-as">
                <svg className="site-account__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <circle cx="8" cy="5" r="3" />
                  <path d="M2 15c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z" />
                </svg>
                <span className="site-account__label">{t('nav.signedInAs')} </span>
                <span className="site-account__full">{accountName(user.fullName)}</span>
                <span className="site-account__short" aria-hidden="true">
                  {givenName(user.fullName)}
                </span>
              </span>
              <button
                type="button"
                className="site-nav__button"
                onClick={() => {
                  void logout().then(() => navigate('/'))
                }}
              >
                {t('nav.logout')}
              </button>
            </span>
          </>
        ) : (
          <Link to="/dang-nhap" aria-current={current('/dang-nhap')}>
            {t('nav.login')}
          </Link>
        )}
      </nav>
    </header>
  )
}
