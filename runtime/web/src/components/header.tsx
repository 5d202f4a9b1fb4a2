import { Link, navigate, useLocation, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

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
            <button
              type="button"
              className="site-nav__button"
              onClick={() => {
                void logout().then(() => navigate('/'))
              }}
            >
              {t('nav.logout')}
            </button>
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
