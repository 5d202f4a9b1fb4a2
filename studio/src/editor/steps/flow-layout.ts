/**
 * How the step diagram is laid out, apart from drawing it: steps stand in one column in the list's order (the
 * first is the start), an action to the next step is the arrow between two boxes, an action to any other step
 * (back for corrections, or skipping ahead) runs in a lane beside the column, and an action ending the dossier or
 * keeping it at its step is listed in its box.
 */

/** The step and action shapes the layout reads (a draft: anything may be missing). */
export interface FlowStep {
  key?: unknown
  actions?: unknown
  consult?: unknown
}

export type EdgeKind = 'next' | 'lane' | 'outcome' | 'stay' | 'unknown'

export interface FlowEdge {
  /** The index of the step the action leaves. */
  from: number
  /** The index of the target step; undefined for an outcome, a staying action or an unknown target. */
  to?: number
  /** The target as written (`xu_ly`, `$returned`), if any. */
  target?: string
  kind: EdgeKind
  /** Where the arrow comes from: an action (with a route's index when a rule picks this target) or the consultation. */
  source: { action: number; route?: number } | { consult: true }
  /** For a lane edge: 0 is the lane nearest the boxes. */
  lane?: number
}

export interface FlowLayout {
  edges: FlowEdge[]
  /** How many lanes the side arrows need. */
  lanes: number
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every edge of a step list, classified, and the side lanes assigned so that no two overlapping arrows share one. */
export function flowLayout(steps: FlowStep[]): FlowLayout {
  const index = new Map<string, number>()
  steps.forEach((step, i) => {
    if (typeof step.key === 'string' && !index.has(step.key)) index.set(step.key, i)
  })
  const edges: FlowEdge[] = []
  const add = (from: number, target: unknown, source: FlowEdge['source']) => {
    if (typeof target !== 'string' || target === '') {
      edges.push({ from, kind: 'stay', source })
      return
    }
    const to = index.get(target)
    if (target.startsWith('$')) edges.push({ from, target, kind: 'outcome', source })
    else if (to === undefined) edges.push({ from, target, kind: 'unknown', source })
    else edges.push({ from, to, target, kind: to === from + 1 ? 'next' : 'lane', source })
  }
  steps.forEach((step, from) => {
    const actions = Array.isArray(step.actions) ? step.actions : []
    actions.forEach((action, a) => {
      if (!isRecord(action)) return
      add(from, action.to, { action: a })
      if (Array.isArray(action.routes))
        action.routes.forEach((route, r) => {
          if (isRecord(route)) add(from, route.to, { action: a, route: r })
        })
    })
    if (isRecord(step.consult) && typeof step.consult.then === 'string') add(from, step.consult.then, { consult: true })
  })
  return { edges, lanes: assignLanes(edges) }
}

/** Gives each lane edge the innermost lane free over its whole span (shorter spans first); returns the lanes used. */
function assignLanes(edges: FlowEdge[]): number {
  const lanes: [number, number][][] = []
  const spans = edges
    .filter((e) => e.kind === 'lane')
    .map((edge) => ({ edge, lo: Math.min(edge.from, edge.to!), hi: Math.max(edge.from, edge.to!) }))
    .sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo)
  for (const { edge, lo, hi } of spans) {
    let lane = lanes.findIndex((taken) => taken.every(([l, h]) => hi < l || h < lo))
    if (lane === -1) lane = lanes.push([]) - 1
    lanes[lane]!.push([lo, hi])
    edge.lane = lane
  }
  return lanes.length
}
