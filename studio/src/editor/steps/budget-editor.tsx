import type { StepBudget } from '@motcua/core'
import { useI18n } from '../../i18n/i18n'
import { numberFrom } from '../kit/keys'
import { budgetFrom, budgetParts, type TimeUnit } from './budget'
import { unitNames } from './labels'

/** A step's (or a consultation's) time: a number and its unit, or none. */
export function BudgetEditor({
  label,
  value,
  onChange,
  readOnly,
  allowNone = true,
}: {
  label: string
  value: StepBudget | undefined
  onChange: (budget: StepBudget | undefined) => void
  readOnly: boolean
  allowNone?: boolean
}) {
  const { pick } = useI18n()
  const parts = budgetParts(value)
  return (
    <span className="sx-inline">
      {parts.unit !== 'none' && (
        <input
          className="input sx-number"
          type="number"
          min={0}
          step={parts.unit === 'calendarDays' ? 1 : 0.5}
          aria-label={`${label}: ${pick({ vi: 'số', en: 'number' })}`}
          value={parts.value ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange(budgetFrom(numberFrom(e.target.value) ?? 0, parts.unit))}
        />
      )}
      <select
        className="select"
        aria-label={`${label}: ${pick({ vi: 'đơn vị', en: 'unit' })}`}
        value={parts.unit}
        disabled={readOnly}
        onChange={(e) => onChange(budgetFrom(parts.value, e.target.value as TimeUnit | 'none'))}
      >
        {(['workingDays', 'workingHours', 'calendarDays', ...(allowNone ? ['none' as const] : [])] as const).map(
          (u) => (
            <option key={u} value={u}>
              {pick(unitNames[u])}
            </option>
          ),
        )}
      </select>
    </span>
  )
}
