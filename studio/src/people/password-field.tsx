import type { Issue } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { FieldError } from '../units/field-error'
import { generatePassword } from './accounts'

/**
 * A new password: generated (shown once after saving) or typed by the administrator; at least 10 characters.
 * `value` null means "generate one".
 */
export function PasswordField({
  id,
  value,
  onChange,
  issues,
}: {
  id: string
  value: string | null
  onChange: (value: string | null) => void
  issues: Issue[]
}) {
  const { t } = useI18n()
  return (
    <fieldset className="field">
      <legend className="label">{t('people.password.legend')}</legend>
      <label className="check">
        <input type="radio" name={`${id}-mode`} checked={value === null} onChange={() => onChange(null)} />
        {t('people.password.generate')}
      </label>
      <label className="check">
        <input type="radio" name={`${id}-mode`} checked={value !== null} onChange={() => onChange('')} />
        {t('people.password.type')}
      </label>
      {value !== null && (
        <>
          <label className="label" htmlFor={id}>
            {t('people.password.label')}
          </label>
          <input
            id={id}
            className="input"
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            minLength={10}
            value={value}
            aria-invalid={issues.length > 0 || undefined}
            aria-describedby={`${id}-hint ${id}-error`}
            onChange={(e) => onChange(e.target.value)}
          />
        </>
      )}
      <span id={`${id}-hint`} className="hint">
        {t('people.password.hint')}
      </span>
      <FieldError id={`${id}-error`} issues={issues} />
    </fieldset>
  )
}

/** The password to send: the typed one, or a new generated one. */
export const passwordToSend = (value: string | null) => value ?? generatePassword()

/** The password just set, shown once with what to do with it (after what was done, when `lead` says it). */
export function OnePasswordNotice({
  username,
  password,
  lead,
  onHide,
}: {
  username: string
  password: string
  lead?: string
  onHide?: () => void
}) {
  const { t } = useI18n()
  return (
    <div className="notice notice--ok" role="status">
      {lead && <p>{lead}</p>}
      <p>{t('people.password.shownOnce', { username })}</p>
      <p>
        <code className="password-once" data-testid="password-once">
          {password}
        </code>
      </p>
      <p className="hint">{t('people.password.shownOnceHint')}</p>
      {onHide && (
        <p>
          <button type="button" className="link-button" onClick={onHide}>
            {t('people.created.hide')}
          </button>
        </p>
      )}
    </div>
  )
}
