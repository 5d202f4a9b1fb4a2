// Loaded on demand by chart.tsx, so the charts stay out of the dashboard's first paint and out of every other page.
// Chartist 1.x: SVG bars, stacked bars and lines in about 10 KB gzip (+1.3 KB of CSS), where a minimal tree-shaken
// Chart.js 4 bar+line build weighs about 60 KB and uPlot about 23 KB (and has no stacked bars of its own); SVG stays
// sharp on a phone and its labels are text. The figures' accessible form is the table beside each chart.
import 'chartist/dist/index.css'
import { BarChart, type BarDrawEvent, FixedScaleAxis, Interpolation, LineChart } from 'chartist'

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
  // The axis as wide as its longest label (about 7 px a character at 12 px), so "1.234.567" or "100 %" is never cut.
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const top =
    spec.kind === 'stacked' ? Math.max(0, ...spec.labels.map((_, i) => sumAt(spec, i))) : Math.max(0, ...values)
  const axisY = {
    offset: Math.max(24, spec.formatY(spec.percent ? 100 : top).length * 7 + 14),
    labelInterpolationFnc: (value: string | number) => spec.formatY(Number(value)),
    ...(spec.percent
      ? { type: FixedScaleAxis, ticks: [0, 25, 50, 75, 100], low: 0, high: 100 }
      : { onlyInteger: true }),
  }
  // On a narrow chart with many months, every second (third, …) month is labelled, so labels never overlap.
  const longest = Math.max(1, ...spec.labels.map((l) => l.length))
  const room = Math.max(1, Math.floor((element.clientWidth - axisY.offset) / (longest * 7 + 8)))
  const step = Math.ceil(spec.labels.length / room)
  const axisX = {
    showGrid: false,
    labelInterpolationFnc: (label: string | number, index: number) => (index % step === 0 ? label : null),
  }
  const common = { height: '13rem', chartPadding: { top: 12, right: 8, bottom: 0, left: 0 }, axisX, axisY }
  if (spec.kind === 'lines') {
    const chart = new LineChart(element, data, {
      ...common,
      fullWidth: true,
      lineSmooth: Interpolation.none({ fillHoles: false }),
    })
    return () => chart.detach()
  }
  // Bars as wide as the room each label has, however many months and however narrow the phone.
  const groups = spec.kind === 'stacked' ? 1 : spec.series.length
  const perLabel = Math.max(0, element.clientWidth - axisY.offset - 8) / Math.max(1, spec.labels.length)
  const barWidth = Math.max(2, Math.min(36, (perLabel * 0.7) / groups))
  const chart = new BarChart(element, data, {
    ...common,
    stackBars: spec.kind === 'stacked',
    seriesBarDistance: barWidth + 3,
  })
  chart.on('draw', (event: BarDrawEvent) => {
    if (event.type === 'bar') event.element.attr({ style: `stroke-width: ${barWidth.toFixed(1)}px` })
  })
  return () => chart.detach()
}

const sumAt = (spec: ChartSpec, i: number) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
