import type { RuleChannel } from '@motcua/core'
import { formatVnd } from '@motcua/forms'
import { useId, useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { isRecord, listOf, numberFrom } from '../kit/keys'
import type { Subject } from '../kit/subjects'
import { type Literal, rulePaths, withPath } from '../rules/form-fields'
import type { DraftDefinition } from '../section'
import { toLocalInput } from '../test-run/dates'
import { tryFees } from './fee-compute'

/** The fields the fee rules read, with what the tester needs to ask for them. */
function testedFields(definition: DraftDefinition, subjects: Subject[]): Subject[] {
  const paths = new Set(listOf<unknown>(definition.fees).flatMap((f) => (isRecord(f) ? rulePaths(f.rule) : [])))
  const byPath = new Map(subjects.map((s) => [s.path, s]))
  return [...paths]
    .filter((p) => p.startsWith('form.'))
    .map((p) => byPath.get(p) ?? { path: p, title: p.slice('form.'.length), type: 'string' as const })
}

/**
 * Tries the fees on sample data, in the browser, as the runtime computes them at submission: a channel, a day of
 * filing and the form fields the rules read; each fee's amount in đồng, and the total.
 */
export function FeeTester({ definition, subjects }: { definition: DraftDefinition; subjects: Subject[] }) {
  const { t, pick } = useI18n()
  const id = useId()
  const [channel, setChannel] = useState<RuleChannel>('online')
  const [today, setToday] = useState(() => toLocalInput(new Date()).slice(0, 10))
  const [values, setValues] = useState<Record<string, Literal | undefined>>({})
  const fields = useMemo(() => testedFields(definition, subjects), [definition, subjects])
  const form = fields.reduce<Record<string, unknown>>(
    (data, f) => withPath(data, f.path.slice('form.'.length), values[f.path]),
    {},
  )
  const fees = tryFees(definition, form, { channel, today })
  const total = fees.every((f) => f.amount !== undefined) ? fees.reduce((sum, f) => sum + f.amount!, 0) : undefined
  const setValue = (path: string, value: Literal | undefined) => setValues((v) => ({ ...v, [path]: value }))

  return (
    <section className="sx-tester" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('fees.tester')}</h3>
      <p className="hint">{t('fees.testerLead')}</p>
      <div className="sx-grid">
        <div className="field">
          <label className="label" htmlFor={`${id}-channel`}>
            {t('fees.channel')}
          </label>
          <select
            id={`${id}-channel`}
            className="select"
            value={channel}
            onChange={(e) => setChannel(e.target.value as RuleChannel)}
          >
            {(subjects.find((s) => s.path === 'channel')?.options ?? []).map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-today`}>
            {t('fees.today')}
          </label>
          <input
            id={`${id}-today`}
            className="input"
            type="date"
            value={today}
            onChange={(e) => setToday(e.target.value)}
          />
        </div>
        {fields.map((field) => (
          <SampleInput
            key={field.path}
            field={field}
            value={values[field.path]}
            onChange={(v) => setValue(field.path, v)}
          />
        ))}
      </div>
      <table className="table sx-fee-results">
        <caption className="sx-sr">{t('fees.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fees.feeColumn')}</th>
            <th scope="col">{t('fees.amountColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {fees.map((fee) => (
            <tr key={fee.key} data-testid={`fee-result-${fee.key}`}>
              <td>{fee.name}</td>
              <td className="sx-money-cell">
                {fee.amount !== undefined ? (
                  formatVnd(fee.amount)
                ) : (
                  <span className="sx-error">{pick(fee.error!)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {fees.length > 0 && (
          <tfoot>
            <tr>
              <th scope="row">{t('fees.total')}</th>
              <td className="sx-money-cell" data-testid="fee-total">
                <strong>{total !== undefined ? formatVnd(total) : '—'}</strong>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  )
}

function SampleInput({
  field,
  value,
  onChange,
}: {
  field: Subject
  value: Literal | undefined
  onChange: (value: Literal | undefined) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const label = (
    <label className="label" htmlFor={id}>
      {field.title}
    </label>
  )
  if (field.options || field.type === 'boolean') {
    const options = field.options ?? [
      { value: true, label: t('rule.yes') },
      { value: false, label: t('rule.no') },
    ]
    const index = options.findIndex((o) => o.value === value)
    return (
      <div className="field">
        {label}
        <select
          id={id}
          className="select"
          value={index === -1 ? '' : String(index)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : options[Number(e.target.value)]!.value)}
        >
          <option value="">{t('fees.notGiven')}</option>
          {options.map((o, i) => (
            <option key={String(o.value)} value={String(i)}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    )
  }
  const numeric = field.type === 'number' || field.type === 'integer'
  return (
    <div className="field">
      {label}
      <input
        id={id}
        className="input"
        type={numeric ? 'number' : field.format === 'date' ? 'date' : 'text'}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(numeric ? numberFrom(e.target.value) : e.target.value || undefined)}
      />
    </div>
  )
}
