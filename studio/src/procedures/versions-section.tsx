import { useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { draftFromVersion, type VersionRow, versionDefinition } from './api'
import { downloadJson } from './download'
import { dateTime, vietnameseDay } from './format'
import { PublishDialog } from './publish-dialog'

/** The published versions, newest first: export one as procedure.json, or publish an older one again (roll back). */
export function VersionsSection({
  code,
  versions,
  onChanged,
}: {
  code: string
  versions: VersionRow[]
  onChanged: () => void
}) {
  const { t } = useI18n()
  const [rollback, setRollback] = useState<string>()
  const [error, setError] = useState<unknown>()
  const attempt = async (action: () => Promise<void>) => {
    setError(undefined)
    try {
      await action()
    } catch (caught) {
      setError(caught)
    }
  }
  const exportVersion = (version: number) =>
    attempt(async () => downloadJson('procedure.json', (await versionDefinition(code, version)).definition))
  const republish = (version: number) => attempt(async () => setRollback((await draftFromVersion(code, version)).id))
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('procedures.page.versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="notice">{t('procedures.page.versions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('procedures.page.versions.version')}</th>
                <th scope="col">{t('procedures.page.versions.state')}</th>
                <th scope="col">{t('procedures.page.versions.published')}</th>
                <th scope="col">{t('procedures.page.versions.effective')}</th>
                <th scope="col">{t('procedures.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>{t('procedures.page.versions.n', { v: v.version })}</td>
                  <td>
                    <span className={`badge badge--v-${v.state}`}>
                      {t(`procedures.page.versions.state.${v.state}`)}
                    </span>
                  </td>
                  <td>
                    {dateTime(v.publishedAt)}
                    {v.publishedBy && <div className="muted">{v.publishedBy}</div>}
                  </td>
                  <td>
                    {vietnameseDay(v.scheduledFrom ?? v.effective.from)}
                    {v.effective.to && (
                      <div className="muted">
                        {t('procedures.page.versions.until', { date: vietnameseDay(v.effective.to) })}
                      </div>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-label={t('procedures.page.versions.exportN', { v: v.version })}
                        onClick={() => void exportVersion(v.version)}
                      >
                        {t('procedures.page.versions.export')}
                      </button>
                      {(v.state === 'superseded' || v.state === 'retired') && (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={t('procedures.page.versions.republishN', { v: v.version })}
                          onClick={() => void republish(v.version)}
                        >
                          {t('procedures.page.versions.republish')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      {rollback && (
        <PublishDialog
          draftId={rollback}
          open
          onClose={() => {
            setRollback(undefined)
            onChanged()
          }}
          onDone={() => {
            setRollback(undefined)
            onChanged()
          }}
        />
      )}
    </section>
  )
}
