import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { isRecord } from '../kit/keys'
import { levelNames } from './labels'

type Kind = 'self' | 'receiving' | 'up' | 'code'

interface Props {
  label: string
  value: unknown
  onChange: (value: unknown) => void
  readOnly: boolean
  /** Whether "the resolving unit" (no value) may be chosen; a consulted unit must name one. */
  allowSelf: boolean
}

const kindOf = (value: unknown): Kind =>
  value === 'receiving' ? 'receiving' : isRecord(value) && 'up' in value ? 'up' : isRecord(value) ? 'code' : 'self'

/** A unit named by a definition (UnitRef): the resolving unit, the receiving unit, a unit above, or a fixed unit. */
export function UnitRefEditor({ label, value, onChange, readOnly, allowSelf }: Props) {
  const { t, pick } = useI18n()
  const id = useId()
  const kind = kindOf(value)
  const choose = (next: Kind) => {
    if (next === 'self') onChange(undefined)
    if (next === 'receiving') onChange('receiving')
    if (next === 'up') onChange({ up: 'district' })
    if (next === 'code') onChange({ code: '' })
  }
  return (
    <div className="sx-inline sx-unit-ref">
      <select
        className="select"
        aria-label={label}
        value={kind}
        disabled={readOnly}
        onChange={(e) => choose(e.target.value as Kind)}
      >
        {allowSelf && <option value="self">{t('flow.unit.self')}</option>}
        <option value="receiving">{t('flow.unit.receiving')}</option>
        <option value="up">{t('flow.unit.up')}</option>
        <option value="code">{t('flow.unit.code')}</option>
      </select>
      {kind === 'up' && isRecord(value) && (
        <select
          className="select"
          aria-label={`${label}: ${t('flow.unit.level')}`}
          value={String(value.up)}
          disabled={readOnly}
          onChange={(e) => onChange({ up: e.target.value })}
        >
          {!(String(value.up) in levelNames) && <option value={String(value.up)}>{String(value.up)}</option>}
          {Object.entries(levelNames).map(([code, name]) => (
            <option key={code} value={code}>
              {pick(name)}
            </option>
          ))}
        </select>
      )}
      {kind === 'code' && isRecord(value) && (
        <>
          <label className="sx-sr" htmlFor={id}>
            {`${label}: ${t('flow.unit.codeLabel')}`}
          </label>
          <input
            id={id}
            className="input sx-code-input"
            placeholder={t('flow.unit.codePlaceholder')}
            value={String(value.code ?? '')}
            readOnly={readOnly}
            onChange={(e) => onChange({ code: e.target.value.trim() })}
          />
        </>
      )}
    </div>
  )
}
