import { ApiError, api, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { Offering } from './api'

/** Which of the administrator's units take new dossiers of the procedure today, and turning one on or off. */
export function OfferingSection({ code, version }: { code: string; version: number }) {
  const { t, pick } = useI18n()
  const path = `/api/admin/procedures/${encodeURIComponent(code)}/offering`
  const [saved, setSaved] = useState<Offering>()
  const loaded = useAsync(() => api<Offering>(path), [path, version])
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const offering = saved ?? loaded.value
  const toggle = async (unit: string, offered: boolean) => {
    setBusy(true)
    setError(undefined)
    try {
      setSaved(await api<Offering>(path, { method: 'PUT', body: { units: [{ unit, offered }] } }))
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="offering-title">
      <h2 id="offering-title">{t('procedures.page.offering.title')}</h2>
      <p className="hint">{t('procedures.page.offering.lead')}</p>
      {loaded.error instanceof ApiError && loaded.error.status === 403 ? (
        <p className="notice">{t('procedures.page.offering.none')}</p>
      ) : loaded.error !== undefined ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : !offering ? (
        <Loading />
      ) : (
        <details className="offering" open={offering.units.length <= 8}>
          <summary>
            {t('procedures.page.offering.summary', {
              n: offering.units.filter((u) => u.offered).length,
              total: offering.units.length,
            })}
          </summary>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('procedures.page.offering.unit')}</th>
                  <th scope="col">{t('procedures.page.offering.offered')}</th>
                  <th scope="col">{t('procedures.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {offering.units.map((row) => (
                  <tr key={row.unit.code}>
                    <td>{row.unit.name}</td>
                    <td>
                      {row.offered ? (
                        <span className="badge badge--ok">{t('procedures.page.offering.yes')}</span>
                      ) : (
                        <span className="badge">{t('procedures.page.offering.no')}</span>
                      )}
                      {row.reason && <div className="muted">{pick(row.reason.message)}</div>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        disabled={busy}
                        aria-label={t(
                          row.offered ? 'procedures.page.offering.stopAt' : 'procedures.page.offering.startAt',
                          {
                            unit: row.unit.name,
                          },
                        )}
                        onClick={() => void toggle(row.unit.code, !row.offered)}
                      >
                        {row.offered ? t('procedures.page.offering.stop') : t('procedures.page.offering.start')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {error !== undefined && <ErrorBox error={error} />}
    </section>
  )
}
