import { dossierStatuses } from '@motcua/core'
import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { isRecord, listOf } from '../kit/keys'
import { type FlowEdge, flowLayout } from './flow-layout'
import { levelNames, outcomeNames, roleNames, showBudget } from './labels'
import type { DraftStep } from './step-panel'

const LANE = 14
const colours = ['#0b4f9c', '#b3261e', '#1b6b34', '#8a4b00', '#6a3d9a', '#00707a']
interface Positions {
  from: Record<number, number>
  box: Record<number, number>
  height: number
}

const colourOf = (edge: FlowEdge) => colours[(edge.lane ?? 0) % colours.length]!

interface Props {
  steps: DraftStep[]
  selected: number | null
  onSelect: (index: number | null) => void
  /** The panel to show under the selected step. */
  panel: ReactNode
  /** Whether a step has problems (its box is marked). */
  hasProblems: (index: number) => boolean
  /** `/steps` or `/cases/0/steps`: each box carries its step's path, so a problem's link can reach it. */
  listPath: string
}

/**
 * The steps as a vertical flow: a box per step (name, role, time, liên thông, consultation), the arrows to the next
 * step between boxes with their actions' labels, and the other arrows (back, or skipping ahead) in lanes beside the
 * column, each named again in its step's box so nothing depends on following a line (and on a phone the lanes hide).
 */
export function FlowDiagram({ steps, selected, onSelect, panel, hasProblems, listPath }: Props) {
  const { t, pick, locale } = useI18n()
  const { edges, lanes } = flowLayout(steps)
  const container = useRef<HTMLDivElement>(null)
  const anchors = useRef(new Map<string, HTMLElement>())
  const [ys, setYs] = useState<Positions>()
  const anchor = (key: string) => (el: HTMLElement | null) => {
    if (el) anchors.current.set(key, el)
    else anchors.current.delete(key)
  }
  const current = useRef({ edges, count: steps.length })
  current.current = { edges, count: steps.length }
  // Where each side arrow leaves (its line in the box) and where each box is, measured after layout; set only when
  // they moved, so measuring after every render settles.
  const measure = useCallback(() => {
    const root = container.current
    if (!root) return
    const top = root.getBoundingClientRect().top
    const mid = (el: HTMLElement | undefined) =>
      el ? Math.round(el.getBoundingClientRect().top - top + el.offsetHeight / 2) : 0
    const next: Positions = { from: {}, box: {}, height: root.offsetHeight }
    current.current.edges.forEach((edge, e) => {
      if (edge.kind === 'lane') next.from[e] = mid(anchors.current.get(`edge-${e}`))
    })
    for (let i = 0; i < current.current.count; i++) next.box[i] = mid(anchors.current.get(`box-${i}`))
    setYs((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next))
  }, [])
  useLayoutEffect(measure)
  useLayoutEffect(() => {
    const root = container.current
    if (!root || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(root)
    return () => observer.disconnect()
  }, [measure])

  const actionLabel = (step: DraftStep, edge: FlowEdge) => {
    if ('consult' in edge.source) return t('flow.afterConsult')
    const action = listOf<unknown>(step.actions)[edge.source.action]
    const label = isRecord(action) && typeof action.label === 'string' && action.label ? action.label : '—'
    return edge.source.route === undefined ? label : t('flow.routeLabel', { label })
  }
  const targetName = (edge: FlowEdge) => {
    if (edge.kind === 'outcome') return outcomeNames[edge.target!] ? pick(outcomeNames[edge.target!]!) : edge.target
    if (edge.kind === 'stay') return t('flow.action.stays')
    if (edge.kind === 'unknown') return t('flow.unknownTarget', { key: edge.target ?? '' })
    const target = steps[edge.to!]
    return `${edge.to! + 1}. ${typeof target?.name === 'string' ? target.name : (edge.target ?? '')}`
  }
  const width = lanes * LANE + 10

  return (
    <div className="sx-flow" ref={container} style={{ ['--sx-lanes' as string]: `${width}px` }}>
      <ol className="sx-flow__steps">
        {steps.map((step, i) => {
          const name = typeof step.name === 'string' && step.name ? step.name : t('flow.unnamed')
          const role = typeof step.role === 'string' ? roleNames[step.role] : undefined
          const budget = showBudget(step.budget, locale)
          const unit = step.unit
          const consult = isRecord(step.consult) ? step.consult : undefined
          const exits = edges
            .map((edge, e) => ({ edge, e }))
            .filter(({ edge }) => edge.from === i && edge.kind !== 'next')
          const next = edges.filter((edge) => edge.from === i && edge.kind === 'next')
          const open = selected === i
          return (
            <li key={i} className="sx-flow__item">
              <button
                type="button"
                ref={anchor(`box-${i}`)}
                data-path={`${listPath}/${i}`}
                className={`sx-step${open ? ' sx-step--open' : ''}${hasProblems(i) ? ' sx-step--error' : ''}`}
                aria-expanded={open}
                aria-controls={open ? `step-panel-${i}` : undefined}
                onClick={() => onSelect(open ? null : i)}
              >
                <span className="sx-step__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="sx-step__body">
                  <span className="sx-step__name">
                    <span className="sx-sr">{t('flow.stepN', { n: i + 1 })}: </span>
                    {name}
                  </span>
                  <span className="sx-step__meta">
                    {role ? pick(role) : String(step.role ?? '—')}
                    {' · '}
                    {budget ?? t('flow.noBudget')}
                    {typeof step.status === 'number' && step.status in dossierStatuses && (
                      <>
                        {' · '}
                        {t('flow.statusShort', {
                          status: pick(dossierStatuses[step.status as keyof typeof dossierStatuses]),
                        })}
                      </>
                    )}
                  </span>
                  {unit !== undefined && (
                    <span className="sx-step__tag">{t('flow.lienThong', { unit: unitText(unit, t, pick) })}</span>
                  )}
                  {consult && (
                    <span className="sx-step__tag">
                      {t('flow.consultTag', { n: listOf<unknown>(consult.units).length })}
                    </span>
                  )}
                  {hasProblems(i) && <span className="badge sx-badge--error">{t('comp.hasProblems')}</span>}
                </span>
              </button>
              {exits.length > 0 && (
                <ul className="sx-exits" aria-label={t('flow.otherActions', { name })}>
                  {exits.map(({ edge, e }) => (
                    <li
                      key={e}
                      ref={anchor(`edge-${e}`)}
                      className={`sx-exit sx-exit--${edge.kind}`}
                      style={edge.kind === 'lane' ? { borderLeftColor: colourOf(edge) } : undefined}
                    >
                      {edge.kind === 'lane' && (edge.to! < i ? '↩ ' : '↪ ')}
                      <strong>{actionLabel(step, edge)}</strong>
                      {' → '}
                      {targetName(edge)}
                    </li>
                  ))}
                </ul>
              )}
              {open && panel}
              {i < steps.length - 1 && (
                <div className="sx-connector">
                  <span className="sx-connector__arrow" aria-hidden="true">
                    ↓
                  </span>
                  <span className="sx-connector__labels">
                    {next.length > 0 ? (
                      next.map((edge, k) => (
                        <span key={k} className="sx-connector__label">
                          {actionLabel(step, edge)}
                        </span>
                      ))
                    ) : (
                      <span className="hint">{t('flow.noNext')}</span>
                    )}
                  </span>
                </div>
              )}
            </li>
          )
        })}
      </ol>
      {lanes > 0 && ys && (
        <svg className="sx-flow__lanes" width={width} height={ys.height} aria-hidden="true">
          <defs>
            {colours.map((c, k) => (
              <marker
                key={c}
                id={`sx-arrow-${k}`}
                viewBox="0 0 8 8"
                refX="1"
                refY="4"
                markerWidth="6"
                markerHeight="6"
                orient="auto"
              >
                <path d="M8,0 L0,4 L8,8 z" fill={c} />
              </marker>
            ))}
          </defs>
          {edges.map((edge, e) => {
            if (edge.kind !== 'lane') return null
            const x = 6 + edge.lane! * LANE + LANE / 2
            const y1 = ys.from[e] ?? 0
            const y2 = (ys.box[edge.to!] ?? 0) + (edge.to! < edge.from ? 6 : -6)
            return (
              <path
                key={e}
                d={`M0,${y1} H${x} V${y2} H3`}
                fill="none"
                stroke={colourOf(edge)}
                strokeWidth="2"
                markerEnd={`url(#sx-arrow-${edge.lane! % colours.length})`}
              />
            )
          })}
        </svg>
      )}
    </div>
  )
}

function unitText(unit: unknown, t: ReturnType<typeof useI18n>['t'], pick: ReturnType<typeof useI18n>['pick']): string {
  if (unit === 'receiving') return t('flow.unit.receiving')
  if (isRecord(unit) && typeof unit.code === 'string') return t('flow.unit.codeShort', { code: unit.code })
  if (isRecord(unit) && typeof unit.up === 'string')
    return t('flow.unit.upShort', {
      level: (levelNames[unit.up] ? pick(levelNames[unit.up]!) : unit.up).toLocaleLowerCase(),
    })
  return '—'
}
