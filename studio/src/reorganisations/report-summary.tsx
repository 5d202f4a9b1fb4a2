import { type MessageKey, useI18n } from '../i18n/i18n'
import { figuresOf, type ReorganisationReport } from './reorganisations'

/** The report's headline figures, problems and warnings first when there are any. */
export function ReportSummary({ report }: { report: ReorganisationReport }) {
  const { t } = useI18n()
  const figures = figuresOf(report)
  const lines: [string, number, MessageKey, string?][] = [
    ['problems', report.problems.length, 'reorg.fig.problems', 'reorg-figure--bad'],
    ['warnings', report.warnings.length, 'reorg.fig.warnings', 'reorg-figure--warn'],
    ['ending', figures.ending, 'reorg.fig.ending'],
    ['created', figures.created, 'reorg.fig.created'],
    ['openDossiers', figures.openDossiers, 'reorg.fig.openDossiers'],
    ['accounts', figures.accounts, 'reorg.fig.accounts'],
    ['settings', figures.settings, 'reorg.fig.settings'],
    ['conflicts', figures.conflicts, 'reorg.fig.conflicts', 'reorg-figure--warn'],
    ['replaced', figures.replaced, 'reorg.fig.replaced'],
    ['orphaned', figures.orphaned, 'reorg.fig.orphaned', 'reorg-figure--warn'],
    ['consultations', figures.consultations, 'reorg.fig.consultations'],
    ['closedKept', figures.closedKept, 'reorg.fig.closedKept'],
  ]
  return (
    <section aria-labelledby="reorg-summary" className="stack">
      <h2 id="reorg-summary">{t('reorg.summary')}</h2>
      <ul className="reorg-figures" data-testid="reorg-figures">
        {lines
          // problems and warnings show only when there are some; the other figures always
          .filter(([name, count]) => count > 0 || (name !== 'problems' && name !== 'warnings'))
          .map(([name, count, label, tone]) => (
            <li key={name} data-testid={`figure-${name}`} className={`reorg-figure ${count > 0 ? (tone ?? '') : ''}`}>
              <strong className="reorg-figure__count">{count.toLocaleString('vi-VN')}</strong> <span>{t(label)}</span>
            </li>
          ))}
      </ul>
    </section>
  )
}
