import { useI18n } from '../i18n/i18n'
import { type ReorganisationReport, unitText } from './reorganisations'
import { ReportSection } from './report-section'
import { Move, useWords } from './unit-sections'

/** The procedures the plan replaces, hands to another owner or leaves without a unit; the closed dossiers kept. */
export function ProcedureSections({ report }: { report: ReorganisationReport }) {
  const { t } = useI18n()
  const words = useWords()
  const { replaced, owned, orphaned } = report.procedures
  return (
    <>
      <ReportSection
        id="replaced"
        title={t('reorg.procedures.replaced', { count: replaced.length })}
        rows={replaced}
        text={(p) => `${p.code} ${p.name} ${p.reason}`}
      >
        {(rows) => (
          <ul className="reorg-list">
            {rows.map((p) => (
              <li key={p.code}>
                <strong>{p.name}</strong> <span className="muted">({p.code})</span>
                <div>{t('reorg.procedures.reason', { reason: p.reason })}</div>
                <div className="muted">
                  {t('reorg.procedures.level', { level: words('units.level.', p.level) })}
                  {p.units && ` · ${t('reorg.procedures.units', { units: p.units.join(', ') })}`}
                </div>
              </li>
            ))}
          </ul>
        )}
      </ReportSection>
      <ReportSection
        id="owned"
        title={t('reorg.procedures.owned', { count: owned.length })}
        rows={owned}
        text={(p) => `${p.code} ${unitText(p.from)} ${unitText(p.to)}`}
      >
        {(rows) => (
          <ul className="reorg-list">
            {rows.map((p) => (
              <li key={p.code}>
                <strong>{p.code}</strong>: <Move from={p.from} to={p.to} />
              </li>
            ))}
          </ul>
        )}
      </ReportSection>
      <ReportSection
        id="orphaned"
        title={t('reorg.procedures.orphaned', { count: orphaned.length })}
        rows={orphaned}
        text={(p) => `${p.code} ${p.name}`}
        lead={orphaned.length > 0 && t('reorg.procedures.orphanedTodo')}
        open={orphaned.length > 0}
      >
        {(rows) => (
          <ul className="reorg-list">
            {rows.map((p) => (
              <li key={p.code}>
                <strong>{p.name}</strong> <span className="muted">({p.code})</span> · {words('units.level.', p.level)}
                {p.units && ` · ${t('reorg.procedures.units', { units: p.units.join(', ') })}`}
              </li>
            ))}
          </ul>
        )}
      </ReportSection>
      <section className="reorg-section reorg-section--plain" data-testid="section-closed">
        <h3 className="reorg-section__title">{t('reorg.closed')}</h3>
        <p>{t('reorg.closed.text', { count: report.dossiers.closedKept })}</p>
      </section>
    </>
  )
}
