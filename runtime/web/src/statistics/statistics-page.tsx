import './statistics.css'
import { type Figures, monthOf, type ProvinceStatistics, type UnitStatistics } from '@motcua/core'
import { ApiError, api, Link, navigate, useAsync, useLocation } from '@motcua/web-kit'
import type { ReactNode } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { showDateTime } from '../lib/format'
import { Controls } from './controls'
import { showMonth } from './format'
import { Headline } from './headline'
import { useStatsI18n } from './i18n'
import { IndicatorsPanel } from './indicators-panel'
import { Levels, useLevelName } from './levels'
import { Breakdowns, UnitsList } from './lists'
import { addressQuery, apiQuery, readQuery, type StatQuery } from './query'
import { ReportDownloads } from './report-downloads'
import { TrendCharts } from './trend-charts'

const isEmpty = (f: Figures) =>
  f.received.total === 0 && f.carriedOver === 0 && f.resolved.total === 0 && f.inProgress.total === 0

/** The indicators' and the report's scope: the unit (none: the province) and the period and structure shown. */
const scope = (code: string | null, data: ProvinceStatistics | UnitStatistics) => ({
  ...(code ? { unitCode: code } : {}),
  ...data.period,
  structure: data.structure,
})

/** The view's address for a unit (or the province) and a query. */
export const statisticsPath = (code: string | null, q: StatQuery) =>
  `${code ? `/thong-ke/don-vi/${encodeURIComponent(code)}` : '/thong-ke'}${addressQuery(q)}`

/** What the province's and a unit's pages share: the controls, the period line, loading, errors and the report. */
function Frame<T extends ProvinceStatistics | UnitStatistics>({
  code,
  heading,
  children,
}: {
  code: string | null
  heading: (data: T | undefined) => ReactNode
  children: (data: T, period: string) => ReactNode
}) {
  const { t } = useStatsI18n()
  const { query: search } = useLocation()
  const query = readQuery(search)
  const url = code
    ? `/api/statistics/units/${encodeURIComponent(code)}?${apiQuery(query, search.get('ngay') ? { at: search.get('ngay')! } : {})}`
    : `/api/statistics?${apiQuery(query)}`
  const { value, error, pending, reload } = useAsync(() => api<T>(url), [url])
  const data = error ? undefined : value
  const current = monthOf(data ? new Date(data.asOf) : new Date())
  const period = data
    ? data.period.from === data.period.to
      ? t('period.one', { from: showMonth(data.period.from) })
      : t('period.range', { from: showMonth(data.period.from), to: showMonth(data.period.to) })
    : ''
  return (
    <>
      {heading(data)}
      <Controls
        query={query}
        period={data?.period}
        current={current}
        onChange={(next) => navigate(statisticsPath(code, next))}
      />
      <p className="stat-status" role="status">
        {pending && data ? t('stats.updating') : ''}
        {!pending && data
          ? `${t('stats.showing', { period, structure: t(`structure.${data.structure}`).toLowerCase() })} ${t('stats.asOf', { at: showDateTime(data.asOf) })}`
          : ''}
      </p>
      {error ? (
        <Problem error={error} code={code} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <div className="stat-body" aria-busy={pending}>
          {isEmpty(data.figures) &&
            ('children' in data && data.children.some((c) => !isEmpty(c.figures)) ? (
              <p className="notice">{t('empty.own')}</p>
            ) : (
              <div className="notice notice--action">
                <h2>{t('empty.title')}</h2>
                <p>{t('empty.hint')}</p>
              </div>
            ))}
          <Headline figures={data.figures} catalogue={data.catalogue} ratings={data.ratings} />
          {children(data, period)}
          <IndicatorsPanel {...scope(code, data)} />
          <ReportDownloads {...scope(code, data)} />
        </div>
      )}
    </>
  )
}

function Problem({ error, code, onRetry }: { error: unknown; code: string | null; onRetry: () => void }) {
  const { t } = useStatsI18n()
  if (code && error instanceof ApiError && error.status === 404)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('unit.notFound', { code })}</p>
        <p>{t('unit.notFoundHint')}</p>
        <Link className="button button--secondary" to="/thong-ke">
          {t('unit.back')}
        </Link>
      </div>
    )
  return (
    <>
      <ErrorBox error={error} onRetry={onRetry} />
      <p>{t('error.hint')}</p>
      <Link to={code ? `/thong-ke/don-vi/${encodeURIComponent(code)}` : '/thong-ke'}>{t('error.reset')}</Link>
    </>
  )
}

/** `/thong-ke`: the province-wide picture. */
export function ProvinceStatisticsPage() {
  const { t } = useStatsI18n()
  usePageTitle(t('stats.title'))
  return (
    <Frame<ProvinceStatistics>
      code={null}
      heading={() => (
        <>
          <h1>{t('stats.title')}</h1>
          <p className="lead">{t('stats.lead')}</p>
        </>
      )}
    >
      {(data, period) => (
        <>
          {data.levels.length > 0 && <Levels levels={data.levels} period={period} />}
          {!isEmpty(data.figures) && <TrendCharts months={data.months} />}
          <UnitsList units={data.units} levels={data.levels} period={period} />
          <Breakdowns fields={data.fields} procedures={data.procedures} period={period} />
        </>
      )}
    </Frame>
  )
}

/** `/thong-ke/don-vi/:code`: one unit, with where it sits, the units under it and its fields and procedures. */
export function UnitStatisticsPage({ code }: { code: string }) {
  const { t } = useStatsI18n()
  const { query: search } = useLocation()
  const query = readQuery(search)
  return (
    <Frame<UnitStatistics> code={code} heading={(data) => <UnitHeading data={data} code={code} query={query} />}>
      {(data, period) => (
        <>
          {!isEmpty(data.figures) && <TrendCharts months={data.months} />}
          {data.children.length > 0 && (
            <UnitsList
              units={data.children}
              levels={[]}
              period={period}
              title={t('unit.children')}
              caption={t('unit.childrenCaption', { name: data.unit.name, period })}
            />
          )}
          <Breakdowns fields={data.fields} procedures={data.procedures} period={period} />
        </>
      )}
    </Frame>
  )
}

function UnitHeading({ data, code, query }: { data: UnitStatistics | undefined; code: string; query: StatQuery }) {
  const { t } = useStatsI18n()
  const unit = data?.unit
  const ancestors = data?.ancestors ?? []
  const levelName = useLevelName()
  usePageTitle(unit ? `${unit.name} · ${t('stats.title')}` : t('stats.title'))
  return (
    <>
      <nav aria-label={t('unit.breadcrumb')} className="breadcrumb">
        <ol className="crumbs">
          <li>
            <Link to={statisticsPath(null, query)}>{ancestors[0]?.name ?? t('unit.province')}</Link>
          </li>
          {ancestors.slice(1).map((a) => (
            <li key={a.code}>
              <Link to={statisticsPath(a.code, query)}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{unit?.name ?? code}</li>
        </ol>
      </nav>
      <h1>{unit?.name ?? t('stats.title')}</h1>
      {unit && <p className="lead">{levelName(unit.level, unit.level)}</p>}
      {data?.structure === 'now' && data.predecessors.length > 0 && (
        <p className="notice">{t('unit.predecessors', { names: data.predecessors.map((p) => p.name).join(', ') })}</p>
      )}
    </>
  )
}
