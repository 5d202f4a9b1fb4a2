import { api, Link, navigate, useAsync, useSession } from '@motcua/web-kit'
import { useEffect } from 'react'
import { useContentLang } from '../components/content-language'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { StatusBadge } from '../components/status-badge'
import { useI18n } from '../i18n/i18n'
import { listDrafts } from '../lib/drafts'
import { showDateTime } from '../lib/format'
import { loadProcedures } from '../lib/procedures'
import type { MyDossier, ServerDraft } from '../lib/types'
import { workplaceOf } from './login-page'

/** The signed-in citizen's dossiers (with their PINs) and drafts, in the account and on this device. */
export function MyDossiersPage() {
  const { t } = useI18n()
  const lang = useContentLang()
  usePageTitle(t('mine.title'))
  const { user, ready } = useSession()
  const workplace = user ? workplaceOf(user) : null
  useEffect(() => {
    if (ready && !user) navigate('/dang-nhap?tiep=/ho-so-cua-toi', { replace: true })
    // an officer or administrator has no citizen's dossiers: their work is at the desk or in the studio
    if (workplace) window.location.replace(workplace)
  }, [ready, user, workplace])
  const dossiers = useAsync(
    () => (user && !workplace ? api<MyDossier[]>('/api/me/dossiers') : Promise.resolve([])),
    [user?.username],
  )
  const serverDrafts = useAsync(
    () => (user && !workplace ? api<ServerDraft[]>('/api/me/drafts') : Promise.resolve([])),
    [user?.username],
  )
  const procedures = useAsync(loadProcedures, [])
  if (!ready || !user || workplace) return <Loading />
  const local = listDrafts()
  const nameOf = (code: string) =>
    procedures.value?.find((p) => p.code === code)?.name ??
    local.find((l) => l.procedureCode === code)?.procedureName ??
    code
  const drafts = [
    ...(serverDrafts.value ?? []).map((d) => ({
      code: d.procedureCode,
      name: nameOf(d.procedureCode),
      at: d.updatedAt,
      where: t('mine.inAccount'),
      unit: local.find((l) => l.procedureCode === d.procedureCode)?.unitCode,
    })),
    ...local
      .filter((l) => !(serverDrafts.value ?? []).some((d) => d.procedureCode === l.procedureCode))
      .map((l) => ({
        code: l.procedureCode,
        name: nameOf(l.procedureCode),
        at: l.savedAt,
        where: t('mine.onDevice'),
        unit: l.unitCode,
      })),
  ]
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <section aria-labelledby="dossiers-title">
        <h2 id="dossiers-title">{t('mine.dossiers')}</h2>
        {dossiers.pending && <Loading />}
        {dossiers.error !== undefined && <ErrorBox error={dossiers.error} onRetry={dossiers.reload} />}
        {dossiers.value && dossiers.value.length === 0 && (
          <div className="empty-state">
            <p>{t('mine.none')}</p>
            <p>{t('mine.nextSteps')}</p>
            <ul className="plain-list next-steps">
              <li>
                <Link to="/">{t('mine.findProcedure')}</Link>
              </li>
              <li>
                <Link to="/tra-cuu">{t('mine.trackByCode')}</Link>
              </li>
            </ul>
          </div>
        )}
        <ul className="cards" hidden={!dossiers.value?.length}>
          {dossiers.value?.map((d) => (
            <li key={d.receiptCode} className="card">
              <h3 className="card__title">
                <Link to={`/tra-cuu/${encodeURIComponent(d.receiptCode)}`} state={{ pin: d.pin }}>
                  <span lang={lang}>{d.procedure.name}</span>
                </Link>
              </h3>
              <p className="card__meta">
                <span className="code">{d.receiptCode}</span>
              </p>
              <p className="card__meta">
                <StatusBadge status={d.status} name={d.statusName} />
              </p>
              <p className="card__meta">
                <span lang={lang}>{d.unitName}</span> · {t('mine.submittedAt', { at: showDateTime(d.submittedAt) })}
                {d.dueAt ? ` · ${t('mine.due', { at: showDateTime(d.dueAt) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('mine.drafts')}</h2>
        {drafts.length === 0 && <p>{t('mine.noDrafts')}</p>}
        <ul className="cards">
          {drafts.map((d) => (
            <li key={`${d.code}-${d.where}`} className="card">
              <h3 className="card__title" lang={lang}>
                {d.name}
              </h3>
              <p className="card__meta">
                {t('mine.savedAt', { at: showDateTime(d.at) })} ({d.where})
              </p>
              <Link
                className="button button--secondary"
                to={`/thu-tuc/${encodeURIComponent(d.code)}/nop-ho-so${d.unit ? `?don-vi=${encodeURIComponent(d.unit)}` : ''}`}
              >
                {t('mine.continue')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
