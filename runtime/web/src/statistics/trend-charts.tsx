import type { MonthPoint } from '@motcua/core'
import { Chart } from './chart'
import { axisMonth, showCount, showMonth, showShare } from './format'
import { useStatsI18n } from './i18n'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** The period month by month: received by channel, resolved by timeliness, and the two rates, each with its table. */
export function TrendCharts({ months }: { months: MonthPoint[] }) {
  const { t, locale } = useStatsI18n()
  if (months.length === 0) return null
  const withYear = months[0]!.month.slice(0, 4) !== months.at(-1)!.month.slice(0, 4)
  const rows = months.map((m) => ({ label: showMonth(m.month), axis: axisMonth(m.month, withYear) }))
  const first = rows[0]!.label
  const last = rows.at(-1)!.label
  const count = (v: number | null) => (v === null ? '—' : showCount(v, locale))
  const percent = (v: number | null) => (v === null ? '—' : showShare(v / 100, locale))
  const barsAlt = (title: string, totals: number[]) => {
    const max = Math.max(...totals)
    return t('chart.altBars', { title, first, last, max: count(max), at: rows[totals.indexOf(max)]!.label })
  }
  const received = months.map((m) => m.received.counter + m.received.online + m.received.post)
  const resolved = months.map((m) => m.resolved.early + m.resolved.onTime + m.resolved.late)
  const shareOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null)
  const online = months.map((m, i) => shareOf(m.received.online, received[i]!))
  const onTime = months.map((m, i) => shareOf(m.resolved.early + m.resolved.onTime, resolved[i]!))
  const lineAlt = (name: string, values: (number | null)[]) => {
    const known = values.filter((v) => v !== null)
    return known.length
      ? t('chart.altSeries', { name, start: percent(known[0]!), end: percent(known.at(-1)!) })
      : `${name}: ${t('figures.none')}`
  }
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t('trend.title')}</h2>
      <div className="chart-grid">
        <Chart
          title={t('trend.received')}
          kind="stacked"
          rows={rows}
          rowHeader={t('chart.month')}
          series={[
            {
              name: t('channel.counter'),
              className: 'series-counter',
              values: months.map((m) => m.received.counter),
              show: count,
            },
            {
              name: t('channel.online'),
              className: 'series-online',
              values: months.map((m) => m.received.online),
              show: count,
            },
            {
              name: t('channel.post'),
              className: 'series-post',
              values: months.map((m) => m.received.post),
              show: count,
            },
          ]}
          alt={barsAlt(t('trend.received'), received)}
          formatY={(n) => showCount(n, locale)}
          total={(values) => showCount(sum(values), locale)}
        />
        <Chart
          title={t('trend.resolved')}
          kind="stacked"
          rows={rows}
          rowHeader={t('chart.month')}
          series={[
            {
              name: t('resolved.early'),
              className: 'series-early',
              values: months.map((m) => m.resolved.early),
              show: count,
            },
            {
              name: t('resolved.onTime'),
              className: 'series-ontime',
              values: months.map((m) => m.resolved.onTime),
              show: count,
            },
            {
              name: t('resolved.late'),
              className: 'series-late',
              values: months.map((m) => m.resolved.late),
              show: count,
            },
          ]}
          alt={barsAlt(t('trend.resolved'), resolved)}
          formatY={(n) => showCount(n, locale)}
          total={(values) => showCount(sum(values), locale)}
        />
        <Chart
          title={t('trend.rates')}
          kind="lines"
          percent
          rows={rows}
          rowHeader={t('chart.month')}
          series={[
            { name: t('trend.onlineShare'), className: 'series-online', values: online, show: percent },
            { name: t('trend.onTimeShare'), className: 'series-ontime', values: onTime, show: percent },
          ]}
          alt={t('chart.altLines', {
            title: t('trend.rates'),
            first,
            last,
            series: [lineAlt(t('trend.onlineShare'), online), lineAlt(t('trend.onTimeShare'), onTime)].join('; '),
          })}
          formatY={(n) => showShare(n / 100, locale)}
        />
      </div>
    </section>
  )
}
