import { formatVnd } from '@motcua/forms'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { isRecord, numberFrom } from '../kit/keys'
import type { Subject } from '../kit/subjects'
import type { DraftDefinition } from '../section'
import type { Amount } from './fee-table'

interface Props {
  label: string
  amount: Amount
  onChange: (amount: Amount) => void
  definition: DraftDefinition
  subjects: Subject[]
  /** Whether "a percentage of the base amount" may be chosen (rows, when the base is a sum or a constant). */
  percent: boolean
  readOnly: boolean
}

/** One amount of a fee table: a sum, a constant set by the province, a price per unit, or a percentage. */
export function AmountEditor({ label, amount, onChange, definition, subjects, percent, readOnly }: Props) {
  const { t } = useI18n()
  const id = useId()
  const constants = Object.entries(isRecord(definition.constants) ? definition.constants : {})
  const numeric = subjects.filter((s) => s.type === 'number' || s.type === 'integer')
  const switchTo = (kind: Amount['kind']) => {
    if (kind === 'fixed') onChange({ kind, value: 0 })
    if (kind === 'constant') onChange({ kind, key: constants[0]?.[0] ?? '' })
    if (kind === 'perUnit') onChange({ kind, field: numeric[0]?.path ?? '', price: 0 })
    if (kind === 'percent') onChange({ kind, percent: 50 })
  }
  return (
    <fieldset className="sx-amount">
      <legend className="sx-sr">{label}</legend>
      <select
        className="select"
        aria-label={`${label}: ${t('fees.amountKind')}`}
        value={amount.kind}
        disabled={readOnly}
        onChange={(e) => switchTo(e.target.value as Amount['kind'])}
      >
        <option value="fixed">{t('fees.kind.fixed')}</option>
        <option value="constant" disabled={constants.length === 0}>
          {t('fees.kind.constant')}
        </option>
        <option value="perUnit" disabled={numeric.length === 0}>
          {t('fees.kind.perUnit')}
        </option>
        {percent && <option value="percent">{t('fees.kind.percent')}</option>}
      </select>
      {amount.kind === 'fixed' && (
        <span className="sx-with-suffix">
          <input
            id={id}
            className="input sx-money"
            type="number"
            min={0}
            step={1000}
            aria-label={`${label}: ${t('fees.sum')}`}
            value={amount.value}
            readOnly={readOnly}
            onChange={(e) => onChange({ kind: 'fixed', value: numberFrom(e.target.value) ?? 0 })}
          />
          <span className="hint">{formatVnd(amount.value)}</span>
        </span>
      )}
      {amount.kind === 'constant' && (
        <select
          className="select"
          aria-label={`${label}: ${t('fees.constant')}`}
          value={amount.key}
          disabled={readOnly}
          onChange={(e) => onChange({ kind: 'constant', key: e.target.value })}
        >
          {!constants.some(([key]) => key === amount.key) && <option value={amount.key}>{amount.key}</option>}
          {constants.map(([key, c]) => (
            <option key={key} value={key}>
              {isRecord(c) ? `${String(c.name ?? key)} (${formatVnd(Number(c.value) || 0)})` : key}
            </option>
          ))}
        </select>
      )}
      {amount.kind === 'perUnit' && (
        <span className="sx-inline">
          <input
            className="input sx-money"
            type="number"
            min={0}
            step={1000}
            aria-label={`${label}: ${t('fees.unitPrice')}`}
            value={amount.price}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...amount, price: numberFrom(e.target.value) ?? 0 })}
          />
          <span>{t('fees.times')}</span>
          <select
            className="select"
            aria-label={`${label}: ${t('fees.countField')}`}
            value={amount.field}
            disabled={readOnly}
            onChange={(e) => onChange({ ...amount, field: e.target.value })}
          >
            {!numeric.some((s) => s.path === amount.field) && <option value={amount.field}>{amount.field}</option>}
            {numeric.map((s) => (
              <option key={s.path} value={s.path}>
                {s.title}
              </option>
            ))}
          </select>
        </span>
      )}
      {amount.kind === 'percent' && (
        <span className="sx-with-suffix">
          <input
            className="input sx-number"
            type="number"
            min={0}
            max={100}
            aria-label={`${label}: ${t('fees.percent')}`}
            value={amount.percent}
            readOnly={readOnly}
            onChange={(e) => onChange({ kind: 'percent', percent: numberFrom(e.target.value) ?? 0 })}
          />
          <span className="hint">{t('fees.percentOfBase')}</span>
        </span>
      )}
    </fieldset>
  )
}
