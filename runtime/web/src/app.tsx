import { Link, matchPath, useLocation } from '@motcua/web-kit'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { Header } from './components/header'
import { Loading } from './components/loading'
import { useI18n } from './i18n/i18n'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login-page'
import { MyDossiersPage } from './pages/my-dossiers-page'
import { NotFoundPage } from './pages/not-found-page'
import { ProcedurePage } from './pages/procedure-page'
import { TrackPage } from './pages/track-page'

// The form (rjsf, ~190 KB gzip) and the receipt (QR) load only when needed, to keep the home page light.
const FormPage = lazy(() => import('./form/form-page'))
const ReceiptPage = lazy(() => import('./pages/receipt-page'))
// The statistics dashboard (its charts load later still, on their own).
const statistics = () => import('./statistics/statistics-page')
const ProvinceStatisticsPage = lazy(() => statistics().then((m) => ({ default: m.ProvinceStatisticsPage })))
// The statements about the portal itself, rarely read.
const AccessibilityPage = lazy(() => import('./legal/accessibility-page'))
const PrivacyPage = lazy(() => import('./legal/privacy-page'))
const UnitStatisticsPage = lazy(() => statistics().then((m) => ({ default: m.UnitStatisticsPage })))

function Route() {
  const { path } = useLocation()
  let params: Record<string, string> | null
  if (matchPath('/', path)) return <HomePage />
  if ((params = matchPath('/thu-tuc/:code/nop-ho-so', path))) return <FormPage code={params.code!} />
  if ((params = matchPath('/thu-tuc/:code', path))) return <ProcedurePage code={params.code!} />
  if ((params = matchPath('/bien-nhan/:code', path))) return <ReceiptPage code={params.code!} />
  if ((params = matchPath('/tra-cuu/:code', path))) return <TrackPage code={params.code!} />
  if (matchPath('/tra-cuu', path)) return <TrackPage />
  if (matchPath('/dang-nhap', path)) return <LoginPage />
  if (matchPath('/ho-so-cua-toi', path)) return <MyDossiersPage />
  if (matchPath('/thong-ke', path)) return <ProvinceStatisticsPage />
  if ((params = matchPath('/thong-ke/don-vi/:code', path))) return <UnitStatisticsPage code={params.code!} />
  if (matchPath('/tro-giup/tiep-can', path)) return <AccessibilityPage />
  if (matchPath('/chinh-sach-rieng-tu', path)) return <PrivacyPage />
  return <NotFoundPage />
}

export function App() {
  const { path } = useLocation()
  const { t } = useI18n()
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  useEffect(() => {
    // After an in-app navigation, start reading at the new page's heading, as after a page load.
    if (first.current) {
      first.current = false
      return
    }
    window.scrollTo(0, 0)
    const heading = main.current?.querySelector<HTMLElement>('h1')
    if (heading) {
      heading.tabIndex = -1
      heading.focus({ preventScroll: true })
    } else main.current?.focus({ preventScroll: true })
  }, [path])
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1} className="page">
        <Suspense fallback={<Loading />}>
          <Route />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/thong-ke">{t('nav.statisticsFooter')}</Link>
        </p>
        <p>
          <Link to="/tro-giup/tiep-can">{t('nav.accessibility')}</Link> ·{' '}
          <Link to="/chinh-sach-rieng-tu">{t('nav.privacy')}</Link>
        </p>
      </footer>
    </>
  )
}
