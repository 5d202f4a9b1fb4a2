import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from '../units/admin-units'
import { FieldError } from '../units/field-error'
import { issuesAt, placedIssues } from '../units/field-issues'
import { type Account, changeAccount, type Grant, replaceGrants } from './accounts'
import { GrantsEditor } from './grants-editor'
import { OnePasswordNotice, PasswordField, passwordToSend } from './password-field'

type Part = 'name' | 'grants' | 'password' | 'status'

/** One account's name, roles, password and whether it may sign in, each saved on its own. */
export function AccountEdit({
  account,
  units,
  provinceAdmin,
  onChanged,
}: {
  account: Account
  units: AdminUnit[]
  provinceAdmin: boolean
  onChanged: (account: Account) => void
}) {
  const { t } = useI18n()
  const [fullName, setFullName] = useState(account.fullName)
  const [grants, setGrants] = useState<Grant[]>(account.grants.map(({ role, unitCode }) => ({ role, unitCode })))
  const [password, setPassword] = useState<string | null>(null)
  const [newPassword, setNewPassword] = useState<string>()
  const [confirmStatus, setConfirmStatus] = useState(false)
  const [busy, setBusy] = useState<Part>()
  const [done, setDone] = useState<Part>()
  const [failed, setFailed] = useState<{ part: Part; error: unknown }>()

  const run = async (part: Part, change: () => Promise<Account>, after?: () => void) => {
    setBusy(part)
    setDone(undefined)
    setFailed(undefined)
    try {
      onChanged(await change())
      setDone(part)
      after?.()
    } catch (error) {
      setFailed({ part, error })
    } finally {
      setBusy(undefined)
    }
  }
  const errorOf = (part: Part) => (failed?.part === part ? failed.error : undefined)
  const at = (part: Part, path: string) => issuesAt(errorOf(part), path)
  const topError = (part: Part, paths: string[]) => {
    const error = errorOf(part)
    return error !== undefined && !placedIssues(error, paths) ? <ErrorBox error={error} /> : null
  }
  const saved = (part: Part) =>
    done === part && (
      <span className="ok-text" role="status">
        {t('common.saved')}
      </span>
    )

  const saveName = (e: FormEvent) => {
    e.preventDefault()
    void run('name', () => changeAccount(account.id, { fullName }))
  }
  const saveGrants = (e: FormEvent) => {
    e.preventDefault()
    void run('grants', () => replaceGrants(account.id, grants))
  }
  const resetPassword = (e: FormEvent) => {
    e.preventDefault()
    const chosen = passwordToSend(password)
    setNewPassword(undefined)
    void run(
      'password',
      () => changeAccount(account.id, { password: chosen }),
      () => {
        setNewPassword(chosen)
        setPassword(null)
      },
    )
  }
  const toggle = () =>
    void run(
      'status',
      () => changeAccount(account.id, { disabled: !account.disabled }),
      () => setConfirmStatus(false),
    )

  return (
    <div className="stack account-edit">
      <p className="muted">
        {t('people.username')}: <strong>{account.username}</strong>
        {account.isDemo && <span className="badge badge--demo">{t('people.demo')}</span>}
      </p>

      <form className="stack" onSubmit={saveName}>
        <h3>{t('people.edit.name')}</h3>
        {topError('name', ['/fullName'])}
        <div className="field">
          <label className="label" htmlFor="edit-fullname">
            {t('people.fullName')}
          </label>
          <input
            id="edit-fullname"
            className="input"
            value={fullName}
            aria-invalid={at('name', '/fullName').length > 0 || undefined}
            aria-describedby="edit-fullname-error"
            onChange={(e) => setFullName(e.target.value)}
          />
          <FieldError id="edit-fullname-error" issues={at('name', '/fullName')} />
        </div>
        <div className="row">
          <button type="submit" className="button" disabled={busy === 'name' || fullName === account.fullName}>
            {t('people.edit.saveName')}
          </button>
          {saved('name')}
        </div>
      </form>

      <form className="stack" onSubmit={saveGrants}>
        <h3>{t('people.edit.grants')}</h3>
        {topError('grants', ['/grants'])}
        <GrantsEditor
          grants={grants}
          onChange={setGrants}
          units={units}
          provinceAdmin={provinceAdmin}
          issuesAt={(path) => at('grants', path)}
        />
        <div className="row">
          <button type="submit" className="button" disabled={busy === 'grants'}>
            {t('people.edit.saveGrants')}
          </button>
          {saved('grants')}
        </div>
      </form>

      <form className="stack" onSubmit={resetPassword}>
        <h3>{t('people.edit.password')}</h3>
        <p className="hint">{t('people.edit.passwordHint')}</p>
        {topError('password', ['/password'])}
        <PasswordField
          id="reset-password"
          value={password}
          onChange={setPassword}
          issues={at('password', '/password')}
        />
        <div className="row">
          <button type="submit" className="button" disabled={busy === 'password'}>
            {t('people.edit.resetPassword')}
          </button>
        </div>
        {newPassword && <OnePasswordNotice username={account.username} password={newPassword} />}
      </form>

      <section className="stack">
        <h3>{t('people.edit.status')}</h3>
        <p>{account.disabled ? t('people.status.disabledLong') : t('people.status.activeLong')}</p>
        {topError('status', [])}
        {confirmStatus ? (
          <div className="notice notice--warn stack" role="alertdialog" aria-labelledby="status-question">
            <p id="status-question">
              {account.disabled
                ? t('people.enable.question', { username: account.username })
                : t('people.disable.question', { username: account.username })}
            </p>
            <div className="row">
              <button
                type="button"
                className={`button${account.disabled ? '' : ' button--danger'}`}
                disabled={busy === 'status'}
                onClick={toggle}
              >
                {account.disabled ? t('people.enable.confirm') : t('people.disable.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmStatus(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <button type="button" className="button button--secondary" onClick={() => setConfirmStatus(true)}>
              {account.disabled ? t('people.enable') : t('people.disable')}
            </button>
            {saved('status')}
          </div>
        )}
      </section>
    </div>
  )
}
