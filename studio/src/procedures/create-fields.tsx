import { ApiError, useSession } from '@motcua/web-kit'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { isProvinceAdmin } from '../lib/admin'
import type { AdminUnit } from './api'
import { Field } from './field'

/** The message of the API's issue at one of `paths` (a field's own problem), if any. */
export function issueAt(error: unknown, ...paths: string[]) {
  return error instanceof ApiError ? error.issues.find((i) => paths.includes(i.path))?.message : undefined
}

/**
 * The new procedure's owner unit as chosen, else the default: province-wide for a province administrator, a unit
 * administrator's first unit (the units may arrive after the dialog opens).
 */
export function useOwner(units: AdminUnit[]): [string, (code: string) => void] {
  const { user } = useSession()
  const [chosen, setChosen] = useState<string>()
  return [chosen ?? (user && isProvinceAdmin(user) ? '' : (units[0]?.code ?? '')), setChosen]
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
    <Field label={t('procedures.new.owner')} hint={t('procedures.new.ownerHint')}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {user && isProvinceAdmin(user) && <option value="">{t('procedures.provinceWide')}</option>}
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
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
    <Field
      label={t('procedures.new.code')}
      hint={hint ?? t('procedures.new.codeHint')}
      error={problem ? pick(problem) : undefined}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          value={value}
          required
          pattern="[0-9A-Za-z._\-]+"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      )}
    </Field>
  )
}
