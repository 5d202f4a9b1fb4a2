import { api, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'
import { useUnitName } from './unit-name'

/** A unit's settings as they apply (`GET /api/admin/units/:unitCode/settings`). */
interface UnitSettings {
  fourEyes: boolean
  /** The unit above whose setting applies, or null for the unit's own or the default (off). */
  inheritedFrom: string | null
  own: boolean | null
}

type Choice = 'inherit' | 'on' | 'off'
const choiceOf = (own: boolean | null): Choice => (own === null ? 'inherit' : own ? 'on' : 'off')

/** "Phê duyệt": whether each publication of the unit's procedures needs a second administrator's approval. */
export function ApprovalTab({ unit, units }: { unit: AdminUnit; units: AdminUnit[] }) {
  const { t } = useI18n()
  const settings = useAsync(
    () => api<UnitSettings>(`/api/admin/units/${encodeURIComponent(unit.code)}/settings`),
    [unit.code],
  )
  const [choice, setChoice] = useState<Choice>()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<unknown>()
  const from = useUnitName(settings.value?.inheritedFrom, units)
  if (settings.error) return <ErrorBox error={settings.error} onRetry={settings.reload} />
  if (!settings.value) return <Loading />
  const current = settings.value
  const chosen = choice ?? choiceOf(current.own)

  const save = async () => {
    setSaving(true)
    setError(undefined)
    setSaved(false)
    try {
      await api(`/api/admin/units/${encodeURIComponent(unit.code)}/settings`, {
        method: 'PUT',
        body: { fourEyes: chosen === 'inherit' ? null : chosen === 'on' },
      })
      setChoice(undefined)
      setSaved(true)
      settings.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="stack">
      <p>{t('units.approval.meaning')}</p>
      <p className="notice" data-testid="four-eyes-now">
        {current.fourEyes ? t('units.approval.nowOn') : t('units.approval.nowOff')}{' '}
        {current.inheritedFrom
          ? t('units.approval.inheritedFrom', { unit: from ?? current.inheritedFrom })
          : current.own === null
            ? t('units.approval.default')
            : t('units.approval.own')}
      </p>
      <fieldset className="stack">
        <legend className="label">{t('units.approval.legend')}</legend>
        {(['inherit', 'on', 'off'] as const).map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="four-eyes"
              value={value}
              checked={chosen === value}
              onChange={() => {
                setChoice(value)
                setSaved(false)
              }}
            />
            {t(`units.approval.${value}`)}
          </label>
        ))}
      </fieldset>
      {error !== undefined && <ErrorBox error={error} />}
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={saving || chosen === choiceOf(current.own)}
          onClick={() => void save()}
        >
          {saving ? t('common.saving') : t('units.approval.save')}
        </button>
        {saved && (
          <span className="ok-text" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
    </div>
  )
}
