import { useEffect, useRef, useState } from 'react'
import type { ChartSpec } from './chart-draw'
import { useStatsI18n } from './i18n'
import { TableScroll } from './table-scroll'

export interface ChartSeries {
  name: string
  /** The series' colour class (statistics.css). */
  className: string
  values: (number | null)[]
  /** A value as the table shows it. */
  show: (value: number | null) => string
}

interface ChartProps {
  title: string
  kind: ChartSpec['kind']
  /** One row per label: the table's full label and the axis' short one. */
  rows: { label: string; axis: string }[]
  /** The table's header over the labels ("Tháng", "Cấp"). */
  rowHeader: string
  series: ChartSeries[]
  /** The chart's text alternative: what it shows and where to read every figure. */
  alt: string
  percent?: boolean
  formatY: (n: number) => string
  /** A last column with each row's sum (for counts). */
  total?: (values: number[]) => string
}

/**
 * A chart and the same figures as a table: the chart is an image with a text alternative, the table (under "Xem dạng
 * bảng") has a caption and headers; the table opens by itself if the chart cannot be drawn.
 */
export function Chart({ title, kind, rows, rowHeader, series, alt, percent, formatY, total }: ChartProps) {
  const { t } = useStatsI18n()
  const plot = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing')
  const spec: ChartSpec = {
    kind,
    labels: rows.map((r) => r.axis),
    series: series.map(({ name, className, values }) => ({ name, className, values })),
    percent: percent ?? false,
    formatY,
  }
  const key = JSON.stringify(spec)
  // The spec is compared by its JSON (`key`): a new array of the same figures does not redraw.
  useEffect(() => {
    let detach: (() => void) | undefined
    let live = true
    import('./chart-draw').then(
      ({ drawChart }) => {
        if (!live || !plot.current) return
        detach = drawChart(plot.current, spec)
        setState('drawn')
      },
      () => live && setState('failed'),
    )
    return () => {
      live = false
      detach?.()
    }
  }, [key])
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className={`chart__swatch ${s.className}`} />
            {s.name}
          </li>
        ))}
      </ul>
      <div ref={plot} className="chart__plot" role="img" aria-label={alt} aria-busy={state === 'drawing'}>
        {state === 'drawing' && <span className="chart__loading">{t('chart.loading')}</span>}
      </div>
      <details className="chart__table" open={state === 'failed' || undefined}>
        <summary>{t('chart.table')}</summary>
        <TableScroll caption={title}>
          <table className="stat-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col" className="num">
                    {s.name}
                  </th>
                ))}
                {total && (
                  <th scope="col" className="num">
                    {t('chart.total')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {series.map((s) => (
                    <td key={s.name} className="num">
                      {s.show(s.values[i] ?? null)}
                    </td>
                  ))}
                  {total && <td className="num">{total(series.map((s) => s.values[i] ?? 0))}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  )
}
