import { type ErrorSchema, formValidator, issuesToErrorSchema, ProcedureForm } from '@motcua/forms'
import { ApiError, api } from '@motcua/web-kit'
import { useMemo, useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { issuesAt } from './field-issues'
import {
  formSchema,
  type InForceSetting,
  type OwnSetting,
  type ResolvedSetting,
  secretText,
  type UnitPlugin,
} from './plugin-schema'
import { InheritedValue, type OnOff, OnOffChoice } from './plugin-setting-parts'
import { SecretField } from './secret-field'

/**
 * One plugin's setting at one unit, for every procedure ('') or one procedure: on, off or as inherited, and for
 * each field the inherited value with its unit, overriding it a choice per field; secrets write-only; "Tắt" keeps
 * the configuration; "Trở về kế thừa" removes the unit's own setting.
 */
export function PluginSetting({
  plugin,
  unitCode,
  procedureCode,
  title,
  own,
  inForce,
  inherited,
  justSaved,
  onSaved,
  onDiscard,
}: {
  plugin: UnitPlugin
  unitCode: string
  procedureCode: string
  title: string
  own: OwnSetting | undefined
  /** What is in force for this procedure code (absent: as for every procedure). */
  inForce: InForceSetting | undefined
  /** What the unit inherits without its own setting. */
  inherited: ResolvedSetting
  justSaved: boolean
  onSaved: () => void
  /** A new setting not saved yet is dropped. */
  onDiscard?: () => void
}) {
  const { t, pick, locale } = useI18n()
  const [editing, setEditing] = useState(own !== undefined || onDiscard !== undefined)
  const [onOff, setOnOff] = useState<OnOff>(own?.enabled == null ? 'inherit' : own.enabled ? 'on' : 'off')
  const ownKeys = Object.keys(own?.config ?? {}).filter((k) => own?.config[k] !== null)
  const [overridden, setOverridden] = useState<string[]>(ownKeys)
  const [values, setValues] = useState<Record<string, unknown>>(own?.config ?? {})
  const [secrets, setSecrets] = useState<Record<string, string | undefined>>({})
  const [errors, setErrors] = useState<ErrorSchema>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [confirmInherit, setConfirmInherit] = useState(false)
  const schema = useMemo(() => ({ ...formSchema(plugin.configSchema, plugin.secrets), required: [] }), [plugin])
  const fields = Object.keys(schema.properties ?? {})
  const query = procedureCode ? `?procedure=${encodeURIComponent(procedureCode)}` : ''
  const path = `/api/admin/units/${encodeURIComponent(unitCode)}/plugins/${encodeURIComponent(plugin.slug)}${query}`
  const id = `plugin-${plugin.slug}-${procedureCode || 'all'}`
  const label = (name: string) => {
    const property = (schema.properties?.[name] ?? {}) as { title?: string }
    return property.title ?? name
  }

  const send = async (method: 'PUT' | 'DELETE', body?: unknown) => {
    setErrors(undefined)
    setError(undefined)
    setBusy(true)
    try {
      await api(path, body === undefined ? { method } : { method, body })
      setSecrets({})
      setConfirmInherit(false)
      onSaved()
    } catch (caught) {
      setError(caught)
      if (caught instanceof ApiError) setErrors(issuesToErrorSchema(caught.issues, '/config', locale))
    } finally {
      setBusy(false)
    }
  }
  const save = (formData: unknown) => {
    const data = { ...values, ...((formData ?? {}) as Record<string, unknown>) }
    // removals stored before (null) are kept unless the field is now set; secrets left out keep their value
    const removed = Object.entries(own?.config ?? {}).filter(([k, v]) => v === null && !overridden.includes(k))
    const config = Object.fromEntries([
      ...removed,
      ...overridden.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]),
      ...Object.entries(secrets).filter(([, v]) => v !== undefined && v !== ''),
    ])
    void send('PUT', { enabled: onOff === 'inherit' ? null : onOff === 'on', config })
  }
  const toggle = (name: string, on: boolean) =>
    setOverridden((keys) => (on ? [...keys, name] : keys.filter((k) => k !== name)))

  const shownError =
    error !== undefined && !(error instanceof ApiError && error.issues.some((i) => i.path.startsWith('/config')))
  return (
    <section className="plugin-setting stack" aria-labelledby={id} data-testid={id}>
      <h4 id={id}>{title}</h4>
      <p className="plugin-card__state">
        {inForce?.runs ? (
          <span className="badge badge--on">{t('units.plugins.on')}</span>
        ) : (
          <span className="badge badge--off">{t('units.plugins.off')}</span>
        )}{' '}
        <span data-testid="plugin-source">
          {own
            ? t('units.plugins.own')
            : inherited.enabledFrom?.unitName
              ? t('units.plugins.inheritedFrom', { unit: inherited.enabledFrom.unitName })
              : t('units.plugins.none')}
        </span>
      </p>
      {inForce?.enabled && !inForce.runs && (
        <div className="notice notice--warn" role="status" data-testid="plugin-problems">
          <p>{t('units.plugins.invalid')}</p>
          <ul>
            {inForce.problems.map((p) => (
              <li key={p.path}>
                {label(p.path.replace(/^\/config\//, '').split('/')[0] ?? p.path)}: {pick(p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {shownError && <ErrorBox error={error} />}
      {!editing ? (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          {t('units.plugins.setOwn')}
        </button>
      ) : (
        <div className="stack">
          <OnOffChoice name={id} value={onOff} onChange={setOnOff} inherited={inherited} />
          <fieldset className="plugin-fields">
            <legend className="label">{t('units.plugins.fields')}</legend>
            {fields.map((name) => (
              <div key={name} className="plugin-field">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={overridden.includes(name)}
                    onChange={(e) => toggle(name, e.target.checked)}
                  />
                  {t('units.plugins.override', { field: label(name) })}
                </label>
                <InheritedValue value={inherited.config[name]} source={inherited.from[name]} />
              </div>
            ))}
          </fieldset>
          <ProcedureForm
            key={`${plugin.slug}-${procedureCode}`}
            schema={schema}
            visibleKeys={overridden}
            initialFormData={values}
            onChange={(data) => setValues((data ?? {}) as Record<string, unknown>)}
            onSubmit={save}
            locale={locale}
            validator={formValidator(locale)}
            {...(errors ? { errors } : {})}
          >
            {plugin.secrets.map((name) => {
              const text = secretText(plugin.configSchema, name)
              return (
                <div key={name} className="stack">
                  <SecretField
                    label={text.label}
                    hint={text.hint}
                    isSet={own?.secretsSet.includes(name) ?? false}
                    value={secrets[name]}
                    onChange={(value) => setSecrets((s) => ({ ...s, [name]: value }))}
                    issues={issuesAt(error, `/config/${name}`)}
                  />
                  {!own?.secretsSet.includes(name) && inherited.secretsSet.includes(name) && (
                    <span className="hint">
                      {t('units.plugins.secretInherited', { unit: inherited.from[name]?.unitName ?? '' })}
                    </span>
                  )}
                </div>
              )
            })}
            <div className="row">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('common.saving') : t('units.plugins.save')}
              </button>
              {(own ? own.enabled !== false : inherited.enabled) && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => void send('PUT', { enabled: false })}
                >
                  {t('units.plugins.turnOff')}
                </button>
              )}
              {own && (
                <button type="button" className="button button--secondary" onClick={() => setConfirmInherit(true)}>
                  {t('units.plugins.useInherited')}
                </button>
              )}
              {!own && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => (onDiscard ? onDiscard() : setEditing(false))}
                >
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
          onConfirm={() => send('DELETE')}
        >
          <p>{t('units.plugins.useInherited.question', { plugin: `${pick(plugin.name)} (${title})` })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
