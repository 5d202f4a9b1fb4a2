import { ApiError, useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { isProvinceAdmin } from '../lib/admin'
import type { AdminUnit } from './api'

/** The message of the API's issue at one of `paths` (a field's own problem), if any. */
export function issueAt(error: unknown, ...paths: string[]) {
  return error instanceof ApiError ? error.issues.find((i) => paths.includes(i.path))?.message : undefined
}

/** The owner unit a province administrator starts with (province-wide: '') or a unit administrator's first unit. */
export function useDefaultOwner(units: AdminUnit[]): string {
  const { user } = useSession()
  return user && isProvinceAdmin(user) ? '' : (units[0]?.code ?? '')
}

/** Which unit owns the new procedure: one of the administrator's units (or the whole province, for its administrators). */
export function OwnerUnitField({
  units,
  value,
  onChange,
}: {
  units: AdminUnit[]
  value: string
  onChange: (code: string) => void
}) {
  const { t } = useI18n()
  const { user } = useSession()
  return (
    <label className="field">
      <span className="label">{t('procedures.new.owner')}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {user && isProvinceAdmin(user) && <option value="">{t('procedures.provinceWide')}</option>}
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
      <span className="hint">{t('procedures.new.ownerHint')}</span>
    </label>
  )
}

/** The new procedure's code, with the API's complaint (taken, malformed) beside it. */
export function CodeField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string
  onChange: (code: string) => void
  error: unknown
  hint?: string
}) {
  const { t, pick } = useI18n()
  const problem = issueAt(error, '/code', '/definition/code')
  return (
    <label className="field">
      <span className="label">{t('procedures.new.code')}</span>
      <input
        className="input"
        value={value}
        required
        pattern="[0-9A-Za-z._\-]+"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value.trim())}
      />
      <span className="hint">{hint ?? t('procedures.new.codeHint')}</span>
      {problem && <span className="field-error">{pick(problem)}</span>}
    </label>
  )
}
