import type { Issue } from '@motcua/web-kit'
import { useId } from 'react'
import { useI18n } from '../i18n/i18n'
import { FieldError } from './field-error'

/**
 * A secret setting (a key, a password): never shown; the administrator sees whether it is set and may replace
 * it. `value` undefined keeps what is stored.
 */
export function SecretField({
  label,
  hint,
  isSet,
  value,
  onChange,
  issues,
}: {
  label: string
  hint?: string | undefined
  isSet: boolean
  value: string | undefined
  onChange: (value: string | undefined) => void
  issues: Issue[]
}) {
  const { t } = useI18n()
  const id = useId()
  const replacing = value !== undefined
  return (
    <div className="field secret-field" data-testid="secret-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <p className="row">
        {isSet ? (
          <span className="badge badge--on">{t('units.plugins.secretSet')}</span>
        ) : (
          <span className="badge badge--off">{t('units.plugins.secretNotSet')}</span>
        )}
        {isSet && !replacing && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('units.plugins.secretReplace', { label })}
            onClick={() => onChange('')}
          >
            {t('units.plugins.secretReplaceShort')}
          </button>
        )}
        {isSet && replacing && (
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            {t('units.plugins.secretKeep')}
          </button>
        )}
      </p>
      {(replacing || !isSet) && (
        <input
          id={id}
          className="input"
          type="password"
          autoComplete="new-password"
          value={value ?? ''}
          aria-invalid={issues.length > 0 || undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span id={`${id}-hint`} className="hint">
        {hint ? `${hint}. ` : ''}
        {t('units.plugins.secretHint')}
      </span>
      <FieldError id={`${id}-error`} issues={issues} />
    </div>
  )
}
