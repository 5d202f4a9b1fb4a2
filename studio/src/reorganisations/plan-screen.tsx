import type { I18n } from '@motcua/web-kit'
import { useState } from 'react'
import { usePageTitle } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { PlanPreview } from './plan-view'
import { dayOf, type PlanSource, type PlanStatus, type ReorganisationReport } from './reorganisations'
import { ReportView } from './report-view'

/** A plan's status in words: "Đã áp dụng ngày …", "Đã lên lịch cho ngày …", "Chưa áp dụng". */
export function statusText(
  t: I18n<MessageKey>['t'],
  plan: { status: PlanStatus; appliedAt: string | null; effectiveDate: string },
): string {
  if (plan.status === 'applied') return t('reorg.status.applied', { day: dayOf(plan.appliedAt ?? plan.effectiveDate) })
  if (plan.status === 'scheduled') return t('reorg.status.scheduled', { day: dayOf(plan.effectiveDate) })
  return t('reorg.status.none')
}

/**
 * One plan: its title, date and status, then its stored report once applied, else its preview with "Áp dụng";
 * after applying, the result in place.
 */
export function PlanScreen({
  plan,
  source,
  status,
  appliedAt,
  report,
  notes,
}: {
  plan: { name: string; title: string; effectiveDate: string }
  source: PlanSource
  status: PlanStatus
  appliedAt: string | null
  /** The stored report of an applied plan (null when none was kept), else the preview. */
  report: ReorganisationReport | null
  notes?: string
}) {
  const { t } = useI18n()
  const [result, setResult] = useState<ReorganisationReport>()
  usePageTitle(plan.title)
  const now = result
    ? result.status === 'applied'
      ? { status: 'applied' as const, appliedAt: new Date().toISOString() }
      : { status: 'scheduled' as const, appliedAt: null }
    : { status, appliedAt }
  return (
    <div className="reorg stack">
      <header className="stack reorg-head">
        <h1>{plan.title}</h1>
        <p className="muted">
          {t('reorg.effective', { day: dayOf(plan.effectiveDate) })} · {t('reorg.fileName', { name: plan.name })}
        </p>
        <p>
          <span className={`badge reorg-status reorg-status--${now.status ?? 'none'}`} data-testid="plan-status">
            {statusText(t, { ...now, effectiveDate: plan.effectiveDate })}
          </span>
        </p>
        {notes && (
          <details className="reorg-notes">
            <summary>{t('reorg.notes')}</summary>
            <p>{notes}</p>
          </details>
        )}
      </header>
      {result ? (
        <>
          <p className="notice notice--ok" role="status">
            {result.status === 'applied'
              ? t('reorg.result.applied', { title: result.plan.title })
              : t('reorg.result.scheduled', { title: result.plan.title, day: dayOf(result.plan.effectiveDate) })}
          </p>
          <ReportView report={result} />
        </>
      ) : !report ? (
        <p className="notice">{t('reorg.stored.missing')}</p>
      ) : status === 'applied' ? (
        <>
          <p className="notice notice--ok">{t('reorg.stored.note')}</p>
          <ReportView report={report} />
        </>
      ) : status === 'scheduled' ? (
        <>
          <p className="notice">{t('reorg.scheduled.note', { day: dayOf(report.plan.effectiveDate) })}</p>
          <ReportView report={report} />
        </>
      ) : (
        <>
          <p className="notice">{t('reorg.preview.note')}</p>
          <PlanPreview source={source} report={report} onApplied={setResult} />
        </>
      )}
    </div>
  )
}
