import { catalogues, type MessageKey, useI18n } from '../i18n/i18n'
import { type ReorganisationReport, type UnitBrief, unitText } from './reorganisations'
import { ReportSection, ReportTable } from './report-section'

/** "from → to", the way every move of the report reads. */
export function Move({ from, to }: { from: UnitBrief; to: UnitBrief }) {
  return (
    <>
      {unitText(from)} → {unitText(to)}
    </>
  )
}

/**
 * Words for a code (a level, a kind of change, a role) when the catalogue has them under `prefix`, else the code.
 * @example useWords()('units.level.', 'commune') // 'Cấp xã'
 */
export function useWords(): (prefix: string, code: string) => string {
  const { t } = useI18n()
  return (prefix, code) => (`${prefix}${code}` in catalogues.vi ? t(`${prefix}${code}` as MessageKey) : code)
}

/** The units that end with the unit taking over, and the units the plan creates. */
export function UnitSections({ report }: { report: ReorganisationReport }) {
  const { t } = useI18n()
  const words = useWords()
  const { ending, created } = report.units
  return (
    <>
      <ReportSection
        id="ending"
        title={t('reorg.ending', { count: ending.length })}
        rows={ending}
        text={(e) => `${unitText(e.unit)} ${unitText(e.takesOver)} ${words('reorg.kind.', e.kind)}`}
      >
        {(rows) => (
          <ReportTable headers={[t('reorg.ending.unit'), t('reorg.ending.kind'), t('reorg.ending.takesOver')]}>
            {rows.map((e) => (
              <tr key={e.unit.code} data-testid={`ending-${e.unit.code}`}>
                <td>{unitText(e.unit)}</td>
                <td>
                  <span className="badge">{words('reorg.kind.', e.kind)}</span>
                </td>
                <td>
                  <span aria-hidden="true">→ </span>
                  {unitText(e.takesOver)}
                  {e.successors.length > 1 && (
                    <div className="muted">
                      {t('reorg.ending.successors', { units: e.successors.map(unitText).join('; ') })}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </ReportSection>
      <ReportSection
        id="created"
        title={t('reorg.created', { count: created.length })}
        rows={created}
        text={(c) => `${unitText(c.unit)} ${c.type} ${unitText(c.parent)}`}
      >
        {(rows) => (
          <ReportTable headers={[t('reorg.created.unit'), t('reorg.created.level'), t('reorg.created.parent')]}>
            {rows.map((c) => (
              <tr key={c.unit.code}>
                <td>{unitText(c.unit)}</td>
                <td>
                  {c.type} · {words('units.level.', c.level)}
                </td>
                <td>{unitText(c.parent)}</td>
              </tr>
            ))}
          </ReportTable>
        )}
      </ReportSection>
    </>
  )
}
