import type { Issue } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from '../units/admin-units'
import { FieldError } from '../units/field-error'
import { UnitSelect } from '../units/unit-select'
import { type Grant, type StaffRole, UNIT_ROLES } from './accounts'

/**
 * An account's roles, one per line: a role at one of the administrator's units. `issuesAt(path)` gives the API's
 * problems of a line (`/grants/0/unitCode`).
 */
export function GrantsEditor({
  grants,
  onChange,
  units,
  provinceAdmin,
  issuesAt,
}: {
  grants: Grant[]
  onChange: (grants: Grant[]) => void
  units: AdminUnit[]
  provinceAdmin: boolean
  issuesAt: (path: string) => Issue[]
}) {
  const { t } = useI18n()
  const roles: StaffRole[] = provinceAdmin ? [...UNIT_ROLES, 'province_admin'] : [...UNIT_ROLES]
  const set = (index: number, change: Partial<Grant>) =>
    onChange(grants.map((g, i) => (i === index ? { ...g, ...change } : g)))
  return (
    <fieldset className="grants">
      <legend className="label">{t('people.grants.legend')}</legend>
      <p className="hint">{t('people.grants.hint')}</p>
      <FieldError id="grants-error" issues={issuesAt('/grants').filter((i) => i.path === '/grants')} />
      {grants.map((grant, index) => {
        const problems = issuesAt(`/grants/${index}`)
        return (
          <div key={index} className="grants__line" data-testid="grant-line">
            <div className="field">
              <label className="label" htmlFor={`grant-role-${index}`}>
                {t('people.grants.role', { n: index + 1 })}
              </label>
              <select
                id={`grant-role-${index}`}
                className="select"
                value={grant.role}
                onChange={(e) => set(index, { role: e.target.value as StaffRole })}
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            <UnitSelect
              units={units}
              value={grant.unitCode}
              onChange={(unitCode) => set(index, { unitCode })}
              label={t('people.grants.unit', { n: index + 1 })}
              emptyLabel={t('people.grants.chooseUnit')}
              invalid={problems.length > 0}
              describedBy={`grant-error-${index}`}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(grants.filter((_, i) => i !== index))}
            >
              {t('people.grants.remove', { n: index + 1 })}
            </button>
            <FieldError id={`grant-error-${index}`} issues={problems} />
          </div>
        )
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange([...grants, { role: 'receiving_officer', unitCode: units.length === 1 ? units[0]!.code : '' }])
        }
      >
        {t('people.grants.add')}
      </button>
    </fieldset>
  )
}
