import type { RuleChannel } from '@motcua/core'
import { loadUnits } from '@motcua/forms'
import { api, useAsync } from '@motcua/web-kit'
import { useId, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { isRecord, listOf } from './kit/keys'
import { RuleJson } from './kit/rule-json'
import type { SectionProps } from './section'
import { roleNames, showBudget } from './steps/labels'
import { formatDateTime, formatDay, fridayBeforeTet, fromLocalInput, toLocalInput } from './test-run/dates'
import { summarizeDaysOff, type TestRunRequest, type TestRunResult } from './test-run/test-run-types'
import './sections.css'

/**
 * Chạy thử: when a dossier received at a chosen moment would be due, step by step, on a unit's working calendar,
 * with the days off each step crosses (the server's dry run of the definition as it is on screen).
 */
export function TestRunSection({ definition }: SectionProps) {
  const { t, pick, locale } = useI18n()
  const id = useId()
  const [start, setStart] = useState(() => toLocalInput(new Date()))
  const [unitCode, setUnitCode] = useState('')
  const [channel, setChannel] = useState<RuleChannel>('online')
  const [data, setData] = useState<unknown>(undefined)
  const [state, setState] = useState<{ pending?: boolean; result?: TestRunResult; error?: unknown }>({})
  const level = typeof definition.level === 'string' ? definition.level : undefined
  const units = useAsync(() => (level ? loadUnits({ level }) : Promise.resolve([])), [level])

  const run = async () => {
    const at = fromLocalInput(start)
    if (!at) return setState({ error: new Error(t('run.badStart')) })
    const body: TestRunRequest = {
      definition,
      start: at,
      channel,
      ...(unitCode ? { unitCode } : {}),
      ...(isRecord(data) ? { data } : {}),
    }
    setState({ pending: true })
    try {
      setState({ result: await api<TestRunResult>('/api/admin/test-run', { method: 'POST', body }) })
    } catch (error) {
      setState({ error })
    }
  }
  const result = state.result
  const caseName = (key: string | null) => {
    if (key === null) return t('run.baseCase')
    const found = listOf<unknown>(definition.cases).find((c) => isRecord(c) && c.key === key)
    return isRecord(found) && typeof found.name === 'string' ? found.name : key
  }

  return (
    <section className="sx-section" aria-labelledby="sx-run-title">
      <h2 id="sx-run-title">{t('run.title')}</h2>
      <p className="hint">{t('run.lead')}</p>
      <form
        className="sx-card stack"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <div className="sx-grid">
          <div className="field">
            <label className="label" htmlFor={`${id}-start`}>
              {t('run.start')}
            </label>
            <input
              id={`${id}-start`}
              className="input"
              type="datetime-local"
              required
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
            <div className="row">
              <button type="button" className="link-button" onClick={() => setStart(toLocalInput(new Date()))}>
                {t('run.now')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => setStart(toLocalInput(fridayBeforeTet(new Date())))}
              >
                {t('run.tet')}
              </button>
            </div>
          </div>
          <div className="field">
            <label className="label" htmlFor={`${id}-unit`}>
              {t('run.unit')}
            </label>
            <select id={`${id}-unit`} className="select" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              <option value="">{t('run.unitDefault')}</option>
              {(units.value ?? []).map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
            <span className="hint">{t('run.unitHint')}</span>
          </div>
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
              <option value="online">{pick({ vi: 'Nộp trực tuyến', en: 'Online' })}</option>
              <option value="counter">{pick({ vi: 'Nộp trực tiếp', en: 'At the counter' })}</option>
              <option value="post">{pick({ vi: 'Qua bưu chính công ích', en: 'By post' })}</option>
            </select>
          </div>
        </div>
        <details className="sx-advanced">
          <summary>{t('run.data')}</summary>
          <RuleJson
            label={t('run.dataLabel')}
            hint={t('run.dataHint')}
            value={data}
            onChange={setData}
            readOnly={false}
          />
        </details>
        <div className="row">
          <button type="submit" className="button" disabled={state.pending}>
            {state.pending ? t('run.running') : t('run.submit')}
          </button>
        </div>
      </form>

      {state.error !== undefined && <RunError error={state.error} />}

      {result && (
        <div className="sx-run" aria-live="polite">
          <h3>{t('run.result')}</h3>
          {result.provisional && <p className="notice notice--warn">{t('run.provisional')}</p>}
          <p>
            {t('run.case')}: <strong>{caseName(result.case)}</strong>
          </p>
          <p className="sx-run__total" data-testid="run-total">
            {t('run.totalDue')}:{' '}
            <strong>{result.total.due ? formatDateTime(new Date(result.total.due), locale) : t('run.noDue')}</strong>
          </p>
          <ol className="sx-run__steps">
            {result.steps.map((step, i) => {
              const { named, weekends } = summarizeDaysOff(step.daysOff)
              return (
                <li key={`${step.key}-${i}`} className="sx-card" data-testid={`run-step-${step.key}`}>
                  <h4 className="sx-card__title">
                    {i + 1}. {step.name}
                  </h4>
                  <p className="hint">
                    {roleNames[step.role] ? pick(roleNames[step.role]!) : step.role}
                    {' · '}
                    {showBudget(step.budget, locale) ?? t('flow.noBudget')}
                  </p>
                  <dl className="sx-dl">
                    <dt>{t('run.from')}</dt>
                    <dd>{formatDateTime(new Date(step.from), locale)}</dd>
                    <dt>{t('run.due')}</dt>
                    <dd>{step.due ? formatDateTime(new Date(step.due), locale) : t('run.noStepDue')}</dd>
                  </dl>
                  {(named.length > 0 || weekends > 0) && (
                    <div className="sx-daysoff">
                      <span className="label">{t('run.daysOff')}</span>
                      <ul>
                        {named.map((d) => (
                          <li key={d.date}>
                            {formatDay(d.date, locale)}:{' '}
                            {d.kind === 'makeUp' ? t('run.makeUp', { name: d.name }) : d.name}
                          </li>
                        ))}
                        {weekends > 0 && <li>{t('run.weekends', { n: weekends })}</li>}
                      </ul>
                    </div>
                  )}
                </li>
              )
            })}
          </ol>
          <p className="hint">{t('run.after')}</p>
        </div>
      )}
    </section>
  )
}

/** The run's error; a definition with problems lists them in words (they are shown in their sections too). */
function RunError({ error }: { error: unknown }) {
  const { pick } = useI18n()
  const issues =
    isRecord(error) && Array.isArray(error.issues) ? (error.issues as { message: { vi: string; en: string } }[]) : []
  return (
    <div className="stack">
      <ErrorBox error={error} />
      {issues.length > 0 && (
        <ul className="problems">
          {issues.slice(0, 10).map((issue, i) => (
            <li key={i}>{pick(issue.message)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
