// Loaded on demand by chart.tsx: Chartist (SVG charts, about 10 KB gzip with its stylesheet; see README "Statistics")
// stays out of the dashboard's first paint and out of every other page.
import 'chartist/dist/index.css'
import { BarChart, type BarDrawEvent, Interpolation, LineChart } from 'chartist'

/** What one chart draws: bars (stacked or side by side) or lines, one value per label and series. */
export interface ChartSpec {
  kind: 'bars' | 'stacked' | 'lines'
  labels: string[]
  series: { name: string; className: string; values: (number | null)[] }[]
  /** Values are percentages: the axis runs 0–100. */
  percent?: boolean
  /** The axis' numbers in the reader's language. */
  formatY: (n: number) => string
}

/** Draws a chart into `element`, following its width; returns what removes it. */
export function drawChart(element: HTMLElement, spec: ChartSpec): () => void {
  const data = {
    labels: spec.labels,
    series: spec.series.map((s) => ({ name: s.name, className: s.className, data: s.values })),
  }
  const axisY = {
    onlyInteger: !spec.percent,
    offset: 44,
    labelInterpolationFnc: (value: string | number) => spec.formatY(Number(value)),
  }
  const common = { height: '13rem', chartPadding: { top: 12, right: 8, bottom: 0, left: 0 }, axisY }
  if (spec.kind === 'lines') {
    const chart = new LineChart(element, data, {
      ...common,
      low: 0,
      high: 100,
      fullWidth: true,
      axisX: { showGrid: false },
      lineSmooth: Interpolation.none({ fillHoles: false }),
    })
    return () => chart.detach()
  }
  // Bars as wide as the room each label has, however many months and however narrow the phone.
  const groups = spec.kind === 'stacked' ? 1 : spec.series.length
  const perLabel = Math.max(0, element.clientWidth - 52) / Math.max(1, spec.labels.length)
  const barWidth = Math.max(2, Math.min(36, (perLabel * 0.7) / groups))
  const chart = new BarChart(element, data, {
    ...common,
    stackBars: spec.kind === 'stacked',
    seriesBarDistance: barWidth + 3,
    axisX: { showGrid: false },
    ...(spec.percent ? { low: 0, high: 100 } : {}),
  })
  chart.on('draw', (event: BarDrawEvent) => {
    if (event.type === 'bar') event.element.attr({ style: `stroke-width: ${barWidth.toFixed(1)}px` })
  })
  return () => chart.detach()
}
