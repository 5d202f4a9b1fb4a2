import { useI18n } from '../i18n/i18n'
import { IssueList } from './issue-list'
import { MoveSections } from './move-sections'
import { ProcedureSections } from './procedure-sections'
import type { ReorganisationReport } from './reorganisations'
import { ReportSummary } from './report-summary'
import { UnitSections } from './unit-sections'

/** A report (preview or stored) for an administrator: the figures, what blocks it, what to know, then each part. */
export function ReportView({ report }: { report: ReorganisationReport }) {
  const { t } = useI18n()
  return (
    <div className="stack">
      <ReportSummary report={report} />
      {report.problems.length > 0 && (
        <section className="notice notice--error" aria-labelledby="reorg-problems" data-testid="reorg-problems">
          <h2 id="reorg-problems" className="reorg-notice__title">
            {t('reorg.problems', { count: report.problems.length })}
          </h2>
          <p>{t('reorg.problems.lead')}</p>
          <IssueList issues={report.problems} todo />
        </section>
      )}
      {report.warnings.length > 0 && (
        <details className="reorg-section reorg-section--warn" data-testid="reorg-warnings" open>
          <summary className="reorg-section__title">{t('reorg.warnings', { count: report.warnings.length })}</summary>
          <div className="reorg-section__body">
            <IssueList issues={report.warnings} todo />
          </div>
        </details>
      )}
      <UnitSections report={report} />
      <MoveSections report={report} />
      <ProcedureSections report={report} />
    </div>
  )
}
