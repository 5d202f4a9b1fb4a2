import { Link, matchPath, StaffFrame, useLocation } from '@motcua/web-kit'
import { lazy } from 'react'
import { Header } from './components/header'
import { LoginPage } from './components/login-page'
import { useI18n } from './i18n/i18n'
import { mayUseDesk } from './lib/officer'
import { QueuePage } from './queues/queue-page'

// The queues load first; the pages with a generated form (the dossier's actions, the intake, a consultation) and the
// leader's overview load when opened.
const DossierPage = lazy(() => import('./dossier/dossier-page').then((m) => ({ default: m.DossierPage })))
const IntakePage = lazy(() => import('./intake/intake-page').then((m) => ({ default: m.IntakePage })))
const LeaderPage = lazy(() => import('./leader/leader-page').then((m) => ({ default: m.LeaderPage })))
const ConsultationPage = lazy(() => import('./queues/consultation-page').then((m) => ({ default: m.ConsultationPage })))

function Route({ path }: { path: string }) {
  const { t } = useI18n()
  let params: Record<string, string> | null
  if (matchPath('/desk', path)) return <QueuePage />
  if ((params = matchPath('/desk/ho-so/:code', path))) return <DossierPage code={params.code!} />
  if (matchPath('/desk/tiep-nhan', path)) return <IntakePage />
  if ((params = matchPath('/desk/tiep-nhan/:procedureCode', path)))
    return <IntakePage procedureCode={params.procedureCode!} />
  if (matchPath('/desk/lanh-dao', path)) return <LeaderPage />
  if ((params = matchPath('/desk/y-kien/:id', path))) return <ConsultationPage id={params.id!} />
  return (
    <div className="narrow">
      <h1>{t('app.notFound')}</h1>
      <Link to="/desk">{t('app.backHome')}</Link>
    </div>
  )
}

/** The officers' desk: every page but the sign-in asks for an officer with a session this tab can write with. */
export function App() {
  const { path } = useLocation()
  const { t } = useI18n()
  return (
    <StaffFrame home="/desk" mayEnter={mayUseDesk} skipLabel={t('app.skip')} header={<Header />} signIn={<LoginPage />}>
      <Route path={path} />
    </StaffFrame>
  )
}
