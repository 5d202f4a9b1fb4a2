import { Link, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { PlanScreen, statusText } from './plan-screen'
import { PlanUpload } from './plan-upload'
import { dayOf, listPlans, type ReorganisationReport } from './reorganisations'

/** `/studio/sap-xep`: the plans by date with their status, and the preview of a plan file the administrator uploads. */
export function PlansPage() {
  const { t } = useI18n()
  usePageTitle(t('reorg.title'))
  const [uploaded, setUploaded] = useState<{ plan: Record<string, unknown>; report: ReorganisationReport }>()
  const plans = useAsync(listPlans, [uploaded])
  if (uploaded)
    return (
      <div className="stack">
        <p>
          <button type="button" className="link-button reorg-back" onClick={() => setUploaded(undefined)}>
            {t('reorg.upload.back')}
          </button>
        </p>
        <PlanScreen
          plan={uploaded.report.plan}
          source={{ plan: uploaded.plan }}
          status={null}
          appliedAt={null}
          report={uploaded.report}
        />
      </div>
    )
  return (
    <div className="reorg stack">
      <div>
        <h1>{t('reorg.title')}</h1>
        <p className="muted">{t('reorg.lead')}</p>
      </div>
      {plans.error ? (
        <ErrorBox error={plans.error} onRetry={plans.reload} />
      ) : !plans.value ? (
        <Loading />
      ) : plans.value.length === 0 ? (
        <p className="notice">{t('reorg.list.none')}</p>
      ) : (
        <table className="table reorg-table reorg-plans" aria-label={t('reorg.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('reorg.list.date')}</th>
              <th scope="col">{t('reorg.list.plan')}</th>
              <th scope="col">{t('reorg.list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.value.map((plan) => (
              <tr key={plan.name} data-testid={`plan-${plan.name}`}>
                <td className="reorg-plans__date">{dayOf(plan.effectiveDate)}</td>
                <td>
                  <Link to={`/studio/sap-xep/${plan.name}`}>{plan.title}</Link>
                  {!plan.shipped && <div className="muted">{t('reorg.status.uploaded')}</div>}
                </td>
                <td>
                  <span className={`badge reorg-status reorg-status--${plan.status ?? 'none'}`}>
                    {statusText(t, plan)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PlanUpload onPreview={(plan, report) => setUploaded({ plan, report })} />
    </div>
  )
}
