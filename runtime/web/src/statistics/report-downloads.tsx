import { useI18n } from '../i18n/i18n'
import { type StatisticsScope, scopeQuery } from './indicators-panel'

/**
 * Links to the periodic report (Biểu số 06a/VPCP/KSTT) of a unit or the province as CSV and as an Excel workbook.
 * @example <ReportDownloads unitCode="06649" from="2025-01" to="2025-03" structure="now" />
 */
export function ReportDownloads(scope: StatisticsScope) {
  const { t } = useI18n()
  const query = scopeQuery(scope)
  return (
    <section className="report-downloads" aria-labelledby="report-downloads-title">
      <h2 id="report-downloads-title">{t('report.title')}</h2>
      <p className="row">
        <a className="button button--secondary" href={`/api/statistics/report.xlsx?${query}`} download>
          {t('report.xlsx')}
        </a>{' '}
        <a className="button button--secondary" href={`/api/statistics/report.csv?${query}`} download>
          {t('report.csv')}
        </a>
      </p>
    </section>
  )
}
