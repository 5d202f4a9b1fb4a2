import { type MessageKey, useI18n } from '../../i18n/i18n'
import type { Condition, Operator } from '../rules/conditions'
import type { Literal } from '../rules/form-fields'
import { numberFrom } from './keys'
import { defaultValue, type Subject } from './subjects'

/** The comparisons that make sense for a subject. */
export function operatorsFor(subject: Subject | undefined): Operator[] {
  if (!subject) return ['eq', 'ne']
  if (subject.type === 'array') return ['contains']
  if (subject.type === 'boolean') return ['eq']
  if (subject.options) return ['eq', 'ne', 'in', 'notIn']
  if (subject.type === 'number' || subject.type === 'integer' || subject.format === 'date')
    return ['eq', 'ne', 'gt', 'ge', 'lt', 'le']
  return ['eq', 'ne']
}

interface Props {
  conditions: Condition[]
  subjects: Subject[]
  onChange: (conditions: Condition[]) => void
  readOnly: boolean
  /** Names the list for screen readers and tests, e.g. "Điều kiện của dòng 1". */
  label: string
}

/** Conditions that must all hold, each "what — how — value", editable without JSON. */
export function ConditionList({ conditions, subjects, onChange, readOnly, label }: Props) {
  const { t } = useI18n()
  const set = (i: number, next: Condition) => onChange(conditions.map((c, j) => (j === i ? next : c)))
  const add = () => {
    const subject = subjects[0]
    onChange([...conditions, { subject: subject?.path ?? 'channel', op: 'eq', value: defaultValue(subject) }])
  }
  return (
    <fieldset className="sx-conditions">
      <legend className="sx-sr">{label}</legend>
      {conditions.length === 0 && <p className="hint">{t('rule.always')}</p>}
      {conditions.map((condition, i) => {
        const subject = subjects.find((s) => s.path === condition.subject)
        const operators = operatorsFor(subject)
        const name = `${label}, ${t('rule.condition', { n: i + 1 })}`
        return (
          <div className="sx-condition" key={i}>
            {i > 0 && <span className="sx-and">{t('rule.and')}</span>}
            <select
              className="select"
              aria-label={`${name}: ${t('rule.subject')}`}
              value={condition.subject}
              disabled={readOnly}
              onChange={(e) => {
                const next = subjects.find((s) => s.path === e.target.value)
                set(i, { subject: e.target.value, op: operatorsFor(next)[0]!, value: defaultValue(next) })
              }}
            >
              {!subject && <option value={condition.subject}>{condition.subject}</option>}
              {subjects.map((s) => (
                <option key={s.path} value={s.path}>
                  {s.title}
                </option>
              ))}
            </select>
            <select
              className="select"
              aria-label={`${name}: ${t('rule.operator')}`}
              value={condition.op}
              disabled={readOnly}
              onChange={(e) => {
                const op = e.target.value as Operator
                const many = op === 'in' || op === 'notIn'
                const value = many
                  ? Array.isArray(condition.value)
                    ? condition.value
                    : [condition.value]
                  : Array.isArray(condition.value)
                    ? (condition.value[0] ?? defaultValue(subject))
                    : condition.value
                set(i, { ...condition, op, value })
              }}
            >
              {(operators.includes(condition.op) ? operators : [condition.op, ...operators]).map((op) => (
                <option key={op} value={op}>
                  {t(`rule.op.${op}` as MessageKey)}
                </option>
              ))}
            </select>
            <ValueInput
              label={`${name}: ${t('rule.value')}`}
              subject={subject}
              condition={condition}
              readOnly={readOnly}
              onChange={(value) => set(i, { ...condition, value })}
            />
            {!readOnly && (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`${t('rule.removeCondition')} (${name})`}
                onClick={() => onChange(conditions.filter((_, j) => j !== i))}
              >
                {t('rule.removeCondition')}
              </button>
            )}
          </div>
        )
      })}
      {!readOnly && (
        <button type="button" className="link-button" onClick={add}>
          {t('rule.addCondition')}
        </button>
      )}
    </fieldset>
  )
}

function ValueInput({
  label,
  subject,
  condition,
  readOnly,
  onChange,
}: {
  label: string
  subject: Subject | undefined
  condition: Condition
  readOnly: boolean
  onChange: (value: Literal | Literal[]) => void
}) {
  const { t } = useI18n()
  const { value } = condition
  if (subject?.options && (condition.op === 'in' || condition.op === 'notIn')) {
    const chosen = Array.isArray(value) ? value : [value]
    return (
      <fieldset className="sx-choices">
        <legend className="sx-sr">{label}</legend>
        {subject.options.map((option) => (
          <label className="check" key={String(option.value)}>
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              disabled={readOnly}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    )
  }
  const single = Array.isArray(value) ? value[0] : value
  if (subject?.options || subject?.type === 'boolean') {
    const options = subject.options ?? [
      { value: true, label: t('rule.yes') },
      { value: false, label: t('rule.no') },
    ]
    const index = options.findIndex((o) => o.value === single)
    return (
      <select
        className="select"
        aria-label={label}
        value={index === -1 ? '' : String(index)}
        disabled={readOnly}
        onChange={(e) => onChange(options[Number(e.target.value)]!.value)}
      >
        {index === -1 && <option value="">{String(single ?? '')}</option>}
        {options.map((o, i) => (
          <option key={String(o.value)} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    )
  }
  if (subject?.type === 'number' || subject?.type === 'integer')
    return (
      <input
        className="input sx-number"
        type="number"
        aria-label={label}
        value={typeof single === 'number' ? single : ''}
        readOnly={readOnly}
        onChange={(e) => onChange(numberFrom(e.target.value) ?? 0)}
      />
    )
  return (
    <input
      className="input"
      type={subject?.format === 'date' ? 'date' : 'text'}
      aria-label={label}
      value={String(single ?? '')}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
