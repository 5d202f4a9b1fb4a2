import { Link, matchPath, navigate, useLocation, useSession } from '@motcua/web-kit'
import { lazy, Suspense, useEffect } from 'react'
import { Header } from './components/header'
import { LoginPage } from './components/login-page'
import { Loading } from './components/status'
import { useI18n } from './i18n/i18n'
import { adminGrants } from './lib/admin'
import { PeoplePage } from './people/people-page'
import { ProcedurePage } from './procedures/procedure-page'
import { ProceduresPage } from './procedures/procedures-page'
import { UnitsPage } from './units/units-page'

// The editor (the form builder with its rjsf preview, the flow diagram) loads only when a draft is opened.
const EditorPage = lazy(() => import('./editor/editor-page'))

function Route({ path }: { path: string }) {
  const { t } = useI18n()
  let params: Record<string, string> | null
  if (matchPath('/studio', path)) return <ProceduresPage />
  if ((params = matchPath('/studio/nhap/:id', path))) return <EditorPage id={params.id!} />
  if ((params = matchPath('/studio/thu-tuc/:code', path))) return <ProcedurePage code={params.code!} />
  if (matchPath('/studio/nguoi-dung', path)) return <PeoplePage />
  if (matchPath('/studio/don-vi', path)) return <UnitsPage />
  if ((params = matchPath('/studio/don-vi/:code', path))) return <UnitsPage unitCode={params.code!} />
  return (
    <div className="narrow">
      <h1>{t('app.notFound')}</h1>
      <Link to="/studio">{t('app.backHome')}</Link>
    </div>
  )
}

/** The studio: every page but the sign-in asks for an administrator with a session this tab can write with. */
export function App() {
  const { path } = useLocation()
  const { t } = useI18n()
  const { user, ready, canWrite } = useSession()
  const signedIn = !!user && canWrite && adminGrants(user).length > 0
  const onLogin = matchPath('/studio/dang-nhap', path) !== null
  useEffect(() => {
    if (ready && !signedIn && !onLogin)
      navigate(`/studio/dang-nhap?tiep=${encodeURIComponent(path + window.location.search)}`, { replace: true })
  }, [ready, signedIn, onLogin, path])
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="app-main">
        {!ready ? (
          <Loading />
        ) : onLogin || !signedIn ? (
          <LoginPage />
        ) : (
          <Suspense fallback={<Loading />}>
            <Route path={path} />
          </Suspense>
        )}
      </main>
    </>
  )
}
