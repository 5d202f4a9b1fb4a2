import { type ErrorSchema, hasErrors, issuesToErrorSchema, ProcedureForm, validateForm } from '@motcua/forms'
import { ApiError, api } from '@motcua/web-kit'
import { useMemo, useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { issuesAt } from './field-issues'
import { formSchema, secretText, type UnitPlugin } from './plugin-schema'
import { SecretField } from './secret-field'

/**
 * One plugin at one unit: whether it is on and where that comes from (its own setting, or inherited from a unit
 * above), its configuration as a form generated from the plugin's schema, secrets write-only, and the way back
 * to the inherited setting.
 */
export function PluginSetting({
  plugin,
  unitCode,
  inheritedFromName,
  justSaved,
  onSaved,
}: {
  plugin: UnitPlugin
  unitCode: string
  inheritedFromName: string | undefined
  /** Whether the last change on the page was this plugin's (the card is new after a save). */
  justSaved: boolean
  onSaved: () => void
}) {
  const { t, pick, locale } = useI18n()
  const start = plugin.own ?? plugin.inForce
  const [editing, setEditing] = useState(plugin.own !== null)
  const [enabled, setEnabled] = useState(start?.enabled ?? false)
  const [config, setConfig] = useState<Record<string, unknown>>(start?.config ?? {})
  const [secrets, setSecrets] = useState<Record<string, string | undefined>>({})
  const [errors, setErrors] = useState<ErrorSchema>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [confirmInherit, setConfirmInherit] = useState(false)
  const schema = useMemo(() => formSchema(plugin.configSchema, plugin.secrets), [plugin])
  const path = `/api/admin/units/${encodeURIComponent(unitCode)}/plugins/${encodeURIComponent(plugin.slug)}`
  const inForce = plugin.inForce

  const save = async (formData: unknown) => {
    const data = (formData ?? {}) as Record<string, unknown>
    setConfig(data)
    const local = enabled ? validateForm(schema, data, locale) : undefined
    if (local && hasErrors(local)) {
      setErrors(local)
      return
    }
    setErrors(undefined)
    setError(undefined)
    setBusy(true)
    const written = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== undefined && v !== ''))
    try {
      await api(path, { method: 'PUT', body: { enabled, config: { ...data, ...written } } })
      setSecrets({})
      onSaved()
    } catch (caught) {
      setError(caught)
      if (caught instanceof ApiError) setErrors(issuesToErrorSchema(caught.issues, '/config', locale))
    } finally {
      setBusy(false)
    }
  }
  const backToInherited = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await api(path, { method: 'DELETE' })
      setConfirmInherit(false)
      onSaved()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <article className="plugin-card" aria-labelledby={`plugin-${plugin.slug}`} data-testid={`plugin-${plugin.slug}`}>
      <h3 id={`plugin-${plugin.slug}`}>{pick(plugin.name)}</h3>
      {plugin.description && <p className="muted">{pick(plugin.description)}</p>}
      <p className="plugin-card__state">
        {inForce?.enabled ? (
          <span className="badge badge--on">{t('units.plugins.on')}</span>
        ) : (
          <span className="badge badge--off">{t('units.plugins.off')}</span>
        )}{' '}
        <span data-testid="plugin-source">
          {plugin.own
            ? t('units.plugins.own')
            : plugin.inheritedFrom
              ? t('units.plugins.inheritedFrom', { unit: inheritedFromName ?? plugin.inheritedFrom })
              : t('units.plugins.none')}
        </span>
      </p>
      {error !== undefined &&
        !(error instanceof ApiError && error.issues.some((i) => i.path.startsWith('/config'))) && (
          <ErrorBox error={error} />
        )}
      {!editing ? (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          {t('units.plugins.setOwn')}
        </button>
      ) : (
        <div className="stack">
          {!plugin.own && <p className="hint">{t('units.plugins.ownHint')}</p>}
          <label className="check">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {t('units.plugins.enable')}
          </label>
          <ProcedureForm
            key={plugin.slug}
            schema={schema}
            initialFormData={config}
            onChange={(data) => setConfig((data ?? {}) as Record<string, unknown>)}
            onSubmit={(data) => void save(data)}
            locale={locale}
            {...(errors ? { errors } : {})}
          >
            {plugin.secrets.map((name) => {
              const text = secretText(plugin.configSchema, name)
              return (
                <SecretField
                  key={name}
                  label={text.label}
                  hint={text.hint}
                  isSet={plugin.own?.secretsSet.includes(name) ?? false}
                  value={secrets[name]}
                  onChange={(value) => setSecrets((s) => ({ ...s, [name]: value }))}
                  issues={issuesAt(error, `/config/${name}`)}
                />
              )
            })}
            <div className="row">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('common.saving') : t('units.plugins.save')}
              </button>
              {plugin.own && (
                <button type="button" className="button button--secondary" onClick={() => setConfirmInherit(true)}>
                  {t('units.plugins.useInherited')}
                </button>
              )}
              {!plugin.own && (
                <button type="button" className="link-button" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </button>
              )}
              {justSaved && (
                <span className="ok-text" role="status">
                  {t('common.saved')}
                </span>
              )}
            </div>
          </ProcedureForm>
        </div>
      )}
      {confirmInherit && (
        <ConfirmDialog
          open
          title={t('units.plugins.useInherited.title')}
          confirmLabel={t('units.plugins.useInherited.confirm')}
          danger
          disabled={busy}
          onClose={() => setConfirmInherit(false)}
          onConfirm={() => backToInherited()}
        >
          <p>{t('units.plugins.useInherited.question', { plugin: pick(plugin.name) })}</p>
        </ConfirmDialog>
      )}
    </article>
  )
}
