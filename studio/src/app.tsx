import { Link, matchPath, StaffFrame, useLocation } from '@motcua/web-kit'
import { lazy } from 'react'
import { Header } from './components/header'
import { LoginPage } from './components/login-page'
import { useI18n } from './i18n/i18n'
import { isAdministrator } from './lib/admin'
import { OutboxPage } from './outbox/outbox-page'
import { PeoplePage } from './people/people-page'
import { PluginsPage } from './plugins/plugins-page'
import { ProcedurePage } from './procedures/procedure-page'
import { ProceduresPage } from './procedures/procedures-page'
import { UnitsPage } from './units/units-page'

// The editor (the form builder with its rjsf preview, the flow diagram) loads only when a draft is opened.
const EditorPage = lazy(() => import('./editor/editor-page'))
// The reorganisation plans are for the province's administrators, a few times a decade: loaded when opened.
const ReorganisationsArea = lazy(() => import('./reorganisations/reorganisations-area'))

function Route({ path }: { path: string }) {
  const { t } = useI18n()
  let params: Record<string, string> | null
  if (matchPath('/studio', path)) return <ProceduresPage />
  if ((params = matchPath('/studio/nhap/:id', path))) return <EditorPage id={params.id!} />
  if ((params = matchPath('/studio/thu-tuc/:code', path))) return <ProcedurePage code={params.code!} />
  if (matchPath('/studio/nguoi-dung', path)) return <PeoplePage />
  if (matchPath('/studio/don-vi', path)) return <UnitsPage />
  if ((params = matchPath('/studio/don-vi/:code', path))) return <UnitsPage unitCode={params.code!} />
  if (matchPath('/studio/hang-doi', path)) return <OutboxPage />
  if (matchPath('/studio/tien-ich', path)) return <PluginsPage />
  if (matchPath('/studio/sap-xep', path)) return <ReorganisationsArea />
  if ((params = matchPath('/studio/sap-xep/:name', path))) return <ReorganisationsArea name={params.name!} />
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
  return (
    <StaffFrame
      home="/studio"
      mayEnter={isAdministrator}
      skipLabel={t('app.skip')}
      header={<Header />}
      signIn={<LoginPage />}
    >
      <Route path={path} />
    </StaffFrame>
  )
}
