import { INDICATOR_GROUPS, type Indicators766, type StatUnit } from '@motcua/core'
import { api } from '@motcua/web-kit'
import { useCallback, useEffect, useState } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { useI18n } from '../i18n/i18n'
import './indicators-panel.css'

export interface StatisticsScope {
  /** A unit's code; none: the whole province. */
  unitCode?: string
  /** YYYY-MM, both included. */
  from: string
  to: string
  structure: 'then' | 'now'
}

/** What `GET /api/statistics/indicators` answers. */
export type IndicatorsView = Indicators766 & { unit: StatUnit; period: { from: string; to: string } }

/** The query string the statistics routes take for a scope. */
export function scopeQuery({ unitCode, from, to, structure }: StatisticsScope): string {
  const params = new URLSearchParams({ from, to, structure })
  if (unitCode) params.set('unit', unitCode)
  return params.toString()
}

const month = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`

/**
 * The Decision 766/QĐ-TTg indicators of a unit (or the province) in a period, fetched from the public route: a table
 * of those the figures compute with their points, by group, and the list of those they cannot, with the reason.
 * @example <IndicatorsPanel unitCode="06649" from="2025-01" to="2025-03" structure="now" />
 */
export function IndicatorsPanel(scope: StatisticsScope) {
  const { t } = useI18n()
  const query = scopeQuery(scope)
  const [view, setView] = useState<IndicatorsView>()
  const [error, setError] = useState<unknown>()
  const load = useCallback(() => {
    let current = true
    setError(undefined)
    setView(undefined)
    api<IndicatorsView>(`/api/statistics/indicators?${query}`).then(
      (v) => current && setView(v),
      (e) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [query])
  useEffect(load, [load])
  return (
    <section className="indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <p className="hint">{t('indicators.source')}</p>
      {error !== undefined && <ErrorBox error={error} onRetry={load} />}
      {!view && error === undefined && <Loading />}
      {view && <IndicatorsTable view={view} />}
    </section>
  )
}

/** The indicators of a view: the points, the table by group, what cannot be computed and why. */
export function IndicatorsTable({ view }: { view: IndicatorsView }) {
  const { t, pick, locale } = useI18n()
  const number = (n: number, digits = 1) =>
    new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n)
  const percent = (n: number) =>
    new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(n)

  return (
    <>
      <p>
        {t('indicators.summary', {
          computable: number(view.computableMaxPoints, 2),
          points: number(view.points, 2),
        })}
      </p>
      <div className="indicators__scroll">
        <table className="indicators__table">
          <caption>{t('indicators.caption', { from: month(view.period.from), to: month(view.period.to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.indicator')}</th>
              <th scope="col">{t('indicators.value')}</th>
              <th scope="col">{t('indicators.points')}</th>
            </tr>
          </thead>
          {view.groups
            .filter((g) => view.computed.some((i) => i.group === g.group))
            .map((g) => (
              <tbody key={g.group}>
                <tr className="indicators__group">
                  <th scope="colgroup" colSpan={3}>
                    {t('indicators.group', { name: pick(g.name), max: g.maxPoints })}
                  </th>
                </tr>
                {view.computed
                  .filter((i) => i.group === g.group)
                  .map((i) => (
                    <tr key={i.key} data-indicator={i.key}>
                      <th scope="row">
                        {pick(i.name)}
                        <details className="indicators__how">
                          <summary>{t('indicators.how')}</summary>
                          <span className="indicators__rule">{pick(i.rule)}</span>
                          {i.note && <span className="indicators__rule">{pick(i.note)}</span>}
                        </details>
                      </th>
                      <td>
                        {i.value === null
                          ? t('indicators.noValue')
                          : i.unit === 'days'
                            ? t('indicators.days', { n: number(i.value) })
                            : percent(i.value)}
                        {i.denominator !== undefined && i.value !== null && i.unit === 'share' && (
                          <span className="indicators__rule">
                            {t('indicators.of', {
                              numerator: number(i.numerator ?? 0, 0),
                              denominator: number(i.denominator, 0),
                            })}
                          </span>
                        )}
                      </td>
                      <td>
                        {i.maxPoints === null
                          ? t('indicators.noPoints')
                          : t('indicators.pointsOf', {
                              points: i.points === null ? '—' : number(i.points, 2),
                              max: i.maxPoints,
                            })}
                      </td>
                    </tr>
                  ))}
              </tbody>
            ))}
        </table>
      </div>
      <h3>{t('indicators.missingTitle')}</h3>
      <p>{t('indicators.missingLead')}</p>
      {INDICATOR_GROUPS.map((g) => {
        const missing = view.notComputed.filter((i) => i.group === g.group)
        if (!missing.length) return null
        return (
          <div key={g.group} className="indicators__missing">
            <h4>{pick(g.name)}</h4>
            <ul>
              {missing.map((i) => (
                <li key={i.key} data-indicator={i.key}>
                  <strong>{pick(i.name)}</strong>
                  {i.maxPoints !== null && <> ({t('indicators.missingPoints', { max: i.maxPoints })})</>}:{' '}
                  {pick(i.reason)}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      <p className="hint">{t('indicators.official')}</p>
    </>
  )
}
