import { ApiError } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { useI18n } from '../i18n/i18n'
import { IssueList } from './issue-list'
import { applyPlan, dayOf, type PlanSource, type ReorganisationReport, vietnamDay } from './reorganisations'
import { ReportView } from './report-view'

/**
 * A plan not yet applied: its preview, and "Áp dụng" (refused while there are problems) behind a dialog that says
 * what will happen; then the result in place of the preview.
 */
export function PlanPreview({
  source,
  report,
  onApplied,
}: {
  source: PlanSource
  report: ReorganisationReport
  onApplied: (report: ReorganisationReport) => void
}) {
  const { t, pick } = useI18n()
  const [asking, setAsking] = useState(false)
  const [refusal, setRefusal] = useState<ApiError>()
  const { plan } = report
  const now = plan.effectiveDate <= vietnamDay()
  const day = dayOf(plan.effectiveDate)
  const blocked = report.problems.length > 0
  const apply = async () => {
    try {
      const result = await applyPlan(source)
      setAsking(false)
      onApplied(result)
    } catch (caught) {
      // refused with the problems found at the last moment: shown on the page, where each says what to do
      if (caught instanceof ApiError && caught.issues.length) {
        setAsking(false)
        setRefusal(caught)
        return
      }
      throw caught
    }
  }
  return (
    <div className="stack">
      <ReportView report={report} />
      {refusal && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>{pick(refusal.userMessage)}</strong>
          </p>
          <p>{t('reorg.apply.refused')}</p>
          <IssueList issues={refusal.issues} todo />
        </div>
      )}
      <div className="reorg-apply">
        <button type="button" className="button" disabled={blocked} onClick={() => setAsking(true)}>
          {t('reorg.apply')}
        </button>
        {blocked && (
          <p className="reorg-apply__blocked" role="status">
            {t('reorg.apply.blocked', { count: report.problems.length })}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title={t('reorg.apply.title')}
        confirmLabel={now ? t('reorg.apply.confirmNow') : t('reorg.apply.confirmLater')}
        onConfirm={apply}
        onClose={() => setAsking(false)}
        danger
      >
        <p>
          {t(now ? 'reorg.apply.now' : 'reorg.apply.later', {
            title: plan.title,
            day,
            ending: report.units.ending.length,
            created: report.units.created.length,
            open: report.dossiers.open,
            accounts: report.accounts.length,
          })}
        </p>
        <p>
          <strong>{t('reorg.apply.irreversible')}</strong>
        </p>
      </ConfirmDialog>
    </div>
  )
}
