import { useI18n } from '../i18n/i18n'
import { type ReorganisationReport, unitText } from './reorganisations'
import { ReportSection, ReportTable } from './report-section'
import { Move, useWords } from './unit-sections'

/** Open dossiers by from → to, accounts, settings (conflicts marked) and calendars. */
export function MoveSections({ report }: { report: ReorganisationReport }) {
  const { t } = useI18n()
  const words = useWords()
  const { dossiers, accounts, settings, calendars } = report
  const conflicts = settings.filter((s) => s.conflict).length
  return (
    <>
      <ReportSection
        id="dossiers"
        title={t('reorg.dossiers', { count: dossiers.open })}
        rows={dossiers.moves}
        text={(m) => `${unitText(m.from)} ${unitText(m.to)}`}
        lead={
          <>
            <p>{t('reorg.dossiers.lead')}</p>
            {report.consultations > 0 && <p>{t('reorg.consultations', { count: report.consultations })}</p>}
          </>
        }
      >
        {(rows) => (
          <table className="table reorg-table">
            <thead>
              <tr>
                <th scope="col">{t('reorg.dossiers.from')}</th>
                <th scope="col">{t('reorg.dossiers.to')}</th>
                <th scope="col" className="reorg-table__number">
                  {t('reorg.dossiers.open')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={`${m.from.code}-${m.to.code}`} data-testid={`dossiers-${m.from.code}`}>
                  <td>{unitText(m.from)}</td>
                  <td>
                    <span aria-hidden="true">→ </span>
                    {unitText(m.to)}
                  </td>
                  <td className="reorg-table__number">{t('reorg.dossiers.count', { count: m.open })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>
      <ReportSection
        id="accounts"
        title={t('reorg.accounts', { count: accounts.length })}
        rows={accounts}
        text={(a) => `${a.username} ${words('role.', a.role)} ${unitText(a.from)} ${unitText(a.to)}`}
        lead={t('reorg.accounts.lead')}
      >
        {(rows) => (
          <ReportTable headers={[t('reorg.accounts.username'), t('reorg.accounts.role'), t('reorg.accounts.move')]}>
            {rows.map((a) => (
              <tr key={`${a.username}-${a.role}-${a.from.code}`} data-testid={`account-${a.username}`}>
                <td>
                  <strong>{a.username}</strong>
                </td>
                <td>{words('role.', a.role)}</td>
                <td>
                  <Move from={a.from} to={a.to} />
                  {a.alreadyThere && (
                    <>
                      {' '}
                      <span className="badge">{t('reorg.accounts.alreadyThere')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </ReportSection>
      <ReportSection
        id="settings"
        title={t('reorg.settings', { count: settings.length, conflicts })}
        rows={settings}
        text={(s) => `${s.key} ${words('reorg.settings.kind.', s.kind)} ${unitText(s.from)} ${unitText(s.to)}`}
        lead={t('reorg.settings.lead')}
        open={conflicts > 0}
      >
        {(rows) => (
          <ReportTable headers={[t('reorg.settings.kind'), t('reorg.settings.key'), t('reorg.settings.outcome')]}>
            {rows.map((s) => (
              <tr
                key={`${s.kind}-${s.key}-${s.from.code}`}
                className={s.conflict ? 'reorg-table__conflict' : undefined}
              >
                <td>{words('reorg.settings.kind.', s.kind)}</td>
                <td>{s.kind === 'unit' ? words('reorg.settings.key.', s.key) : <code>{s.key}</code>}</td>
                <td>
                  {s.conflict ? (
                    <>
                      <span className="badge reorg-badge--warn">{t('reorg.settings.conflictBadge')}</span>{' '}
                      {t('reorg.settings.conflict', { from: unitText(s.from), to: unitText(s.to) })}
                    </>
                  ) : (
                    t('reorg.settings.moves', { from: unitText(s.from), to: unitText(s.to) })
                  )}
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </ReportSection>
      <ReportSection
        id="calendars"
        title={t('reorg.calendars', { count: calendars.length })}
        rows={calendars}
        text={(c) => `${c.calendar} ${unitText(c.from)} ${unitText(c.to)}`}
      >
        {(rows) => (
          <ul className="reorg-list">
            {rows.map((c) => (
              <li key={`${c.calendar}-${c.from.code}`}>
                {t('reorg.calendars.row', { calendar: c.calendar, from: unitText(c.from), to: unitText(c.to) })}
              </li>
            ))}
          </ul>
        )}
      </ReportSection>
    </>
  )
}
