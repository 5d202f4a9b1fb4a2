import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from '../units/admin-units'
import { FieldError } from '../units/field-error'
import { issuesAt, placedIssues } from '../units/field-issues'
import { type Account, createAccount, type Grant } from './accounts'
import { GrantsEditor } from './grants-editor'
import { PasswordField, passwordToSend } from './password-field'

const PLACED = ['/username', '/fullName', '/password', '/grants']

/** A new officer's or administrator's account: username, name, initial password and roles at the admin's units. */
export function AccountCreate({
  units,
  provinceAdmin,
  onCreated,
  onCancel,
}: {
  units: AdminUnit[]
  provinceAdmin: boolean
  onCreated: (account: Account, password: string) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [username, setUsername] = useState('')
  const [fullName, setFullName] = useState('')
  const [password, setPassword] = useState<string | null>(null)
  const [grants, setGrants] = useState<Grant[]>([
    { role: 'receiving_officer', unitCode: units.length === 1 ? units[0]!.code : '' },
  ])
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [missingUnit, setMissingUnit] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (grants.some((g) => !g.unitCode)) {
      setMissingUnit(true)
      return
    }
    setMissingUnit(false)
    setBusy(true)
    setError(undefined)
    const initial = passwordToSend(password)
    try {
      onCreated(await createAccount({ username: username.trim(), fullName, password: initial, grants }), initial)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  const at = (path: string) => issuesAt(error, path)
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {error !== undefined && !placedIssues(error, PLACED) && <ErrorBox error={error} />}
      <div className="field">
        <label className="label" htmlFor="new-username">
          {t('people.username')}
        </label>
        <input
          id="new-username"
          className="input"
          autoComplete="off"
          spellCheck={false}
          required
          value={username}
          aria-invalid={at('/username').length > 0 || undefined}
          aria-describedby="new-username-hint new-username-error"
          onChange={(e) => setUsername(e.target.value.toLowerCase())}
        />
        <span id="new-username-hint" className="hint">
          {t('people.username.hint')}
        </span>
        <FieldError id="new-username-error" issues={at('/username')} />
      </div>
      <div className="field">
        <label className="label" htmlFor="new-fullname">
          {t('people.fullName')}
        </label>
        <input
          id="new-fullname"
          className="input"
          autoComplete="off"
          required
          value={fullName}
          aria-invalid={at('/fullName').length > 0 || undefined}
          aria-describedby="new-fullname-error"
          onChange={(e) => setFullName(e.target.value)}
        />
        <FieldError id="new-fullname-error" issues={at('/fullName')} />
      </div>
      <PasswordField id="new-password" value={password} onChange={setPassword} issues={at('/password')} />
      <GrantsEditor grants={grants} onChange={setGrants} units={units} provinceAdmin={provinceAdmin} issuesAt={at} />
      {missingUnit && (
        <p className="field-error" role="alert">
          {t('people.grants.unitMissing')}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('people.create.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
