import { ApiError, Link, useAsync } from '@motcua/web-kit'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { PlanScreen } from './plan-screen'
import { loadPlan, type PlanRecord, previewPlan, type ReorganisationReport } from './reorganisations'

// an applied plan shows the report kept then; any other, what it would move now (one uploaded and scheduled is
// not in the plans folder: previewed as it was recorded)
async function planWithReport(name: string): Promise<{ record: PlanRecord; report: ReorganisationReport | null }> {
  const record = await loadPlan(name)
  if (record.status === 'applied') return { record, report: record.report }
  const report = await previewPlan({ name }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return previewPlan({ plan: record.plan })
    throw error
  })
  return { record, report }
}

/** `/studio/sap-xep/:name`: a shipped (or taken) plan. */
export function PlanPage({ name }: { name: string }) {
  const { t } = useI18n()
  const loaded = useAsync(() => planWithReport(name), [name])
  return (
    <div className="stack">
      <p>
        <Link to="/studio/sap-xep" className="reorg-back">
          {t('reorg.back')}
        </Link>
      </p>
      {loaded.error ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.value ? (
        <Loading />
      ) : (
        <PlanScreen
          key={name}
          plan={loaded.value.record.plan}
          source={{ name }}
          status={loaded.value.record.status}
          appliedAt={loaded.value.record.appliedAt}
          report={loaded.value.report}
          notes={loaded.value.record.plan.notes}
        />
      )}
    </div>
  )
}
