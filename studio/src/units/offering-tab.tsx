import { matchesQuery } from '@motcua/core'
import { api, Link, type Message, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'

/** A procedure that applies to the unit, as `GET /api/admin/units/:unitCode/offering` lists it. */
interface OfferedProcedure {
  code: string
  name: string
  field: string
  version: number
  offered: boolean
  by: 'definition' | 'setting'
  setting: { offered: boolean; from: string | null; to: string | null } | null
  reason: { code: string; message: Message } | null
}

/** "Thủ tục cung cấp": the procedures the unit takes new dossiers of, each switched on or off here. */
export function OfferingTab({ unit }: { unit: AdminUnit }) {
  const { t, pick } = useI18n()
  const path = `/api/admin/units/${encodeURIComponent(unit.code)}/offering`
  const offering = useAsync(() => api<{ procedures: OfferedProcedure[] }>(path), [path])
  const [query, setQuery] = useState('')
  const [stopping, setStopping] = useState<OfferedProcedure>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<unknown>()
  if (offering.error) return <ErrorBox error={offering.error} onRetry={offering.reload} />
  if (!offering.value) return <Loading />
  const shown = offering.value.procedures.filter((p) => matchesQuery(`${p.name} ${p.code} ${p.field}`, query))

  const change = async (procedure: OfferedProcedure, offered: boolean | null, why?: string) => {
    setBusy(procedure.code)
    setError(undefined)
    try {
      await api(`/api/admin/procedures/${encodeURIComponent(procedure.code)}/offering`, {
        method: 'PUT',
        body: { units: [{ unit: unit.code, offered }], ...(why?.trim() ? { reason: why.trim() } : {}) },
      })
      setStopping(undefined)
      setReason('')
      offering.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <div className="stack">
      <p className="muted">{t('units.offering.lead')}</p>
      <div className="field">
        <label className="label" htmlFor="offering-q">
          {t('units.offering.search')}
        </label>
        <input
          id="offering-q"
          type="search"
          className="input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {error !== undefined && !stopping && <ErrorBox error={error} />}
      <p className="muted">
        {t('units.offering.count', {
          on: offering.value.procedures.filter((p) => p.offered).length,
          total: offering.value.procedures.length,
        })}
      </p>
      <ul className="offering-list">
        {shown.map((p) => (
          <li key={p.code} className="offering-item" data-testid={`offering-${p.code}`}>
            <div className="offering-item__text">
              <Link to={`/studio/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
              <span className="muted">
                {p.code} · {p.field}
              </span>
              {p.offered ? (
                <span className="badge badge--on">{t('units.offering.on')}</span>
              ) : (
                <span className="badge badge--off">{t('units.offering.off')}</span>
              )}
              {p.reason && <span className="hint">{pick(p.reason.message)}</span>}
              {p.setting && (
                <span className="hint">
                  {t('units.offering.bySetting')}
                  {p.setting.to ? ` ${t('units.offering.until', { day: p.setting.to })}` : ''}
                </span>
              )}
            </div>
            <div className="row">
              <label className="check switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={p.offered}
                  aria-checked={p.offered}
                  aria-label={t('units.offering.switch', { name: p.name })}
                  disabled={busy === p.code}
                  onChange={() => (p.offered ? setStopping(p) : void change(p, true))}
                />
                {t('units.offering.switchShort')}
              </label>
              {p.setting && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy === p.code}
                  onClick={() => void change(p, null)}
                >
                  {t('units.offering.byDefinition')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {stopping && (
        <ConfirmDialog
          open
          title={t('units.offering.stop.title')}
          confirmLabel={t('units.offering.stop.confirm')}
          danger
          disabled={busy === stopping.code}
          onClose={() => setStopping(undefined)}
          onConfirm={() => change(stopping, false, reason)}
        >
          <p>{t('units.offering.stop.question', { name: stopping.name, unit: unit.name })}</p>
          <div className="field">
            <label className="label" htmlFor="offering-reason">
              {t('units.offering.reason')}
            </label>
            <input id="offering-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
            <span className="hint">{t('units.offering.reasonHint')}</span>
          </div>
          {error !== undefined && <ErrorBox error={error} />}
        </ConfirmDialog>
      )}
    </div>
  )
}
