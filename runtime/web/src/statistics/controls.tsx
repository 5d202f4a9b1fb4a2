import type { StatPeriod, StatStructure } from '@motcua/core'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useStatsI18n } from './i18n'
import { type QuickPeriod, quickPeriods, type StatQuery } from './query'

const QUICK: QuickPeriod[] = ['thisMonth', 'thisQuarter', 'thisYear', 'lastYear']
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

interface ControlsProps {
  query: StatQuery
  /** The period the figures shown cover (the API's answer), or the query's while the first answer comes. */
  period: StatPeriod | undefined
  /** The current month (`YYYY-MM`) by the server's clock. */
  current: string
  onChange: (next: StatQuery) => void
}

/** The period (two months, or a quick choice) and the way units are counted, both kept in the address. */
export function Controls({ query, period, current, onChange }: ControlsProps) {
  const { t } = useStatsI18n()
  const id = useId()
  const [from, setFrom] = useState(period?.from ?? query.from ?? '')
  const [to, setTo] = useState(period?.to ?? query.to ?? '')
  const [error, setError] = useState('')
  useEffect(() => {
    if (!period) return
    setFrom(period.from)
    setTo(period.to)
    setError('')
  }, [period])
  const quick = quickPeriods(current)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!MONTH.test(from) || !MONTH.test(to) || from > to) {
      setError(t('period.order'))
      return
    }
    onChange({ ...query, from, to })
  }
  const structure = (value: StatStructure) => (
    <label className="choice">
      <input
        type="radio"
        name={`${id}-structure`}
        value={value}
        checked={query.structure === value}
        aria-describedby={`${id}-${value}-hint`}
        onChange={() => onChange({ ...query, structure: value })}
      />
      <span>
        {t(`structure.${value}`)}
        <span className="hint block" id={`${id}-${value}-hint`}>
          {t(`structure.${value}Hint`)}
        </span>
      </span>
    </label>
  )
  return (
    <div className="stat-controls">
      <form className="stat-controls__period" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('period.legend')}</legend>
          <fieldset className="quick">
            <legend className="visually-hidden">{t('period.quick')}</legend>
            {QUICK.map((key) => (
              <button
                key={key}
                type="button"
                className="chip"
                aria-pressed={period?.from === quick[key].from && period?.to === quick[key].to}
                onClick={() => onChange({ ...query, ...quick[key] })}
              >
                {t(`period.${key}`)}
              </button>
            ))}
          </fieldset>
          <div className="months">
            <div>
              <label className="label" htmlFor={`${id}-from`}>
                {t('period.from')}
              </label>
              <input
                id={`${id}-from`}
                className="input"
                type="month"
                max={current}
                value={from}
                placeholder="2025-01"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setFrom(e.target.value)}
              />
            </div>
            <div>
              <label className="label" htmlFor={`${id}-to`}>
                {t('period.to')}
              </label>
              <input
                id={`${id}-to`}
                className="input"
                type="month"
                max={current}
                value={to}
                placeholder="2025-12"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setTo(e.target.value)}
              />
            </div>
            <button type="submit" className="button button--secondary">
              {t('period.apply')}
            </button>
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </fieldset>
      </form>
      <fieldset className="stat-controls__structure">
        <legend>{t('structure.legend')}</legend>
        {structure('now')}
        {structure('then')}
      </fieldset>
    </div>
  )
}
