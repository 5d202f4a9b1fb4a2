import { type ReactNode, Suspense, useEffect, useState } from 'react'
import { useMessages } from './i18n'
import { kitTexts } from './kit-texts'
import { matchPath } from './match-path'
import { Link, navigate, useLocation } from './router'
import { type User, useSession } from './session'
import { SignInForm, type SignInTexts } from './sign-in-form'
import { ErrorBox, Loading, usePageTitle } from './status'

const signInPath = (home: string) => `${home}/dang-nhap`

/**
 * A staff app's frame (the studio, the desk): a skip link, its bar, and its pages for an account `mayEnter`
 * lets in with a session this tab can write with; anyone else is sent to `<home>/dang-nhap`, then back.
 * @example <StaffFrame home="/desk" mayEnter={mayUseDesk} skipLabel={t('app.skip')} header={<Header />} signIn={<LoginPage />}>…</StaffFrame>
 */
export function StaffFrame({
  home,
  mayEnter,
  skipLabel,
  header,
  signIn,
  children,
}: {
  home: string
  mayEnter: (user: User) => boolean
  skipLabel: string
  header: ReactNode
  signIn: ReactNode
  children: ReactNode
}) {
  const { path } = useLocation()
  const { user, ready, canWrite } = useSession()
  const signedIn = !!user && canWrite && mayEnter(user)
  const onSignIn = matchPath(signInPath(home), path) !== null
  useEffect(() => {
    if (ready && !signedIn && !onSignIn)
      navigate(`${signInPath(home)}?tiep=${encodeURIComponent(path + window.location.search)}`, { replace: true })
  }, [ready, signedIn, onSignIn, path, home])
  return (
    <>
      <a className="skip-link" href="#main">
        {skipLabel}
      </a>
      {header}
      <main id="main" tabIndex={-1} className="app-main">
        {!ready ? <Loading /> : onSignIn || !signedIn ? signIn : <Suspense fallback={<Loading />}>{children}</Suspense>}
      </main>
    </>
  )
}

/** What a staff app's bar says, in the app's language. */
export interface StaffHeaderTexts {
  brand: string
  menu: string
  /** The other language's name, e.g. "English", and what switching does, e.g. "Switch to English". */
  language: string
  languageLabel: string
  logout: string
}

/**
 * A staff app's bar: the brand linking home, its areas (the current one marked), who is signed in with
 * `userDetail` below the name (roles and units), the language switch and signing out.
 */
export function StaffHeader({
  home,
  nav,
  userDetail,
  texts,
}: {
  home: string
  nav: { to: string; label: string }[]
  userDetail?: ReactNode
  texts: StaffHeaderTexts
}) {
  const { locale, setLocale } = useMessages(kitTexts)
  const { user, logout } = useSession()
  const { path } = useLocation()
  const current = (to: string) => (path === to || (to !== home && path.startsWith(to)) ? 'page' : undefined)
  return (
    <header className="app-header">
      <Link to={home} className="app-brand">
        <span className="app-brand__mark" aria-hidden="true">
          QN
        </span>
        {texts.brand}
      </Link>
      {user && nav.length > 0 && (
        <nav aria-label={texts.menu} className="app-nav">
          {nav.map((item) => (
            <Link key={item.to} to={item.to} aria-current={current(item.to)}>
              {item.label}
            </Link>
          ))}
        </nav>
      )}
      <div className="app-header__end">
        {user && (
          <span className="app-user" data-testid="signed-in-as">
            {user.fullName}
            {userDetail && <small>{userDetail}</small>}
          </span>
        )}
        <button
          type="button"
          className="link-button"
          lang={locale === 'vi' ? 'en' : 'vi'}
          aria-label={texts.languageLabel}
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {texts.language}
        </button>
        {user && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void logout().then(() => navigate(signInPath(home)))
            }}
          >
            {texts.logout}
          </button>
        )}
      </div>
    </header>
  )
}

/** What a staff app's sign-in page says, in the app's language. */
export interface StaffSignInTexts extends SignInTexts {
  title: string
  appTitle: string
  lead: string
  /** Who the demo accounts are. */
  demo: string
  /** Said to an account the app does not let in, by its username. */
  refused: (username: string) => string
}

/** A staff app's sign-in page: signs in, then goes back where the app was asked for (`?tiep=`), or home. */
export function StaffSignInPage({
  home,
  mayEnter,
  texts,
}: {
  home: string
  mayEnter: (user: User) => boolean
  texts: StaffSignInTexts
}) {
  usePageTitle(texts.title, texts.appTitle)
  const { login, user } = useSession()
  const { query } = useLocation()
  const [error, setError] = useState<unknown>()
  const submit = async (username: string, password: string) => {
    setError(undefined)
    try {
      const signedIn = await login(username, password)
      if (!mayEnter(signedIn)) return
      const next = query.get('tiep') ?? home
      navigate(next.startsWith(home) ? next : home, { replace: true })
    } catch (caught) {
      setError(caught)
    }
  }
  return (
    <div className="narrow">
      <h1>{texts.title}</h1>
      <p>{texts.lead}</p>
      {user && !mayEnter(user) && <p className="notice notice--error">{texts.refused(user.username)}</p>}
      {error !== undefined && <ErrorBox error={error} />}
      <SignInForm texts={texts} onSubmit={submit} />
      <p className="muted">{texts.demo}</p>
    </div>
  )
}
