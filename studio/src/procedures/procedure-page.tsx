import { api, Link, navigate, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type AdminProcedure, draftFromVersion, draftPath, type VersionRow } from './api'
import { DraftPanel } from './draft-panel'
import { LEVELS } from './levels'
import { OfferingSection } from './offering-section'
import { StateBadges } from './state-badges'
import { VersionsSection } from './versions-section'
import { WithdrawDialog } from './withdraw-dialog'
import './procedures.css'

const enc = encodeURIComponent

/** `/studio/thu-tuc/:code`: one procedure's versions, its open draft, withdrawing it and the units that offer it. */
export function ProcedurePage({ code }: { code: string }) {
  const { t } = useI18n()
  const loaded = useAsync(async () => {
    const { items } = await api<{ items: AdminProcedure[] }>(`/api/admin/procedures?q=${enc(code)}`)
    const procedure = items.find((p) => p.code === code)
    // a procedure never published has no versions yet
    const versions =
      procedure && procedure.state !== 'draft'
        ? await api<VersionRow[]>(`/api/admin/procedures/${enc(code)}/versions`)
        : []
    return { procedure, versions }
  }, [code])
  const procedure = loaded.value?.procedure
  usePageTitle(procedure?.name || code)
  const [withdrawing, setWithdrawing] = useState(false)
  const [editError, setEditError] = useState<unknown>()
  if (loaded.error !== undefined) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />
  if (!loaded.value) return <Loading />
  if (!procedure)
    return (
      <div className="narrow">
        <h1>{t('procedures.page.notFound', { code })}</h1>
        <Link to="/studio">{t('app.backHome')}</Link>
      </div>
    )
  const { versions } = loaded.value
  const edit = async () => {
    setEditError(undefined)
    try {
      navigate(draftPath((await draftFromVersion(code)).id))
    } catch (caught) {
      setEditError(caught)
    }
  }
  const withdrawable = procedure.state === 'published' || procedure.state === 'scheduled'
  return (
    <div className="procedure">
      <Link to="/studio" className="back">
        {t('procedures.page.back')}
      </Link>
      <h1>{procedure.name || code}</h1>
      <p className="procedure__facts">
        <span>{t('procedures.code', { code })}</span>
        <span>{procedure.level && LEVELS[procedure.level] ? t(LEVELS[procedure.level]!) : procedure.level}</span>
        <span>{procedure.ownerUnitName ?? t('procedures.provinceWide')}</span>
        {procedure.field && <span>{procedure.field}</span>}
        <StateBadges procedure={procedure} />
      </p>
      <DraftPanel procedure={procedure} onChanged={loaded.reload} />
      {!procedure.draft && procedure.state !== 'draft' && (
        <p className="row">
          <button type="button" className="button" onClick={() => void edit()}>
            {t('procedures.page.edit')}
          </button>
          <span className="hint">{t('procedures.page.editHint')}</span>
        </p>
      )}
      {editError !== undefined && <ErrorBox error={editError} />}
      <VersionsSection code={code} versions={versions} onChanged={loaded.reload} />
      {withdrawable && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('procedures.page.withdraw.title')}</h2>
          <p className="hint">{t('procedures.page.withdraw.lead')}</p>
          <button type="button" className="button button--danger" onClick={() => setWithdrawing(true)}>
            {t('procedures.page.withdraw.open')}
          </button>
          <WithdrawDialog
            open={withdrawing}
            code={code}
            name={procedure.name}
            effectiveFrom={versions[0]?.effective.from}
            onClose={() => setWithdrawing(false)}
            onDone={() => {
              setWithdrawing(false)
              loaded.reload()
            }}
          />
        </section>
      )}
      {versions.length > 0 && <OfferingSection code={code} version={versions[0]!.version} />}
    </div>
  )
}
