import { describe, expect, it } from 'vitest'
import { flowLayout } from './flow-layout'

const step = (key: string, ...actions: object[]) => ({ key, actions })

describe('flowLayout', () => {
  it('draws the usual path as arrows between boxes, outcomes and staying actions inside them', () => {
    const { edges, lanes } = flowLayout([
      step('tiep_nhan', { to: 'xu_ly' }, { to: '$refused' }, {}),
      step('xu_ly', { to: 'phe_duyet' }),
      step('phe_duyet', { to: '$returned' }),
    ])
    expect(edges.map((e) => [e.from, e.kind, e.target])).toEqual([
      [0, 'next', 'xu_ly'],
      [0, 'outcome', '$refused'],
      [0, 'stay', undefined],
      [1, 'next', 'phe_duyet'],
      [2, 'outcome', '$returned'],
    ])
    expect(lanes).toBe(0)
  })

  it('puts overlapping side arrows in separate lanes, the shorter inside, and reuses a lane where they do not meet', () => {
    const { edges, lanes } = flowLayout([
      step('a', { to: 'b' }),
      step('b', { to: 'c' }, { to: 'a' }),
      step('c', { to: 'd' }, { to: 'a' }),
      step('d', { to: 'e' }, { to: 'f' }),
      step('e', { to: 'f' }),
      step('f', { to: '$returned' }),
    ])
    const lane = (from: number, to: number) => edges.find((e) => e.from === from && e.to === to)?.lane
    expect(lane(1, 0)).toBe(0)
    expect(lane(2, 0)).toBe(1)
    expect(lane(3, 5)).toBe(0)
    expect(lanes).toBe(2)
  })

  it('draws routes and the consultation’s next step, and flags a target that is no step', () => {
    const { edges } = flowLayout([
      step('a', { to: 'b', routes: [{ when: true, to: 'c' }] }),
      { key: 'b', actions: [{ to: 'khong_co' }], consult: { then: 'c' } },
      step('c', { to: '$returned' }),
    ])
    expect(edges.map((e) => [e.kind, e.source])).toEqual([
      ['next', { action: 0 }],
      ['lane', { action: 0, route: 0 }],
      ['unknown', { action: 0 }],
      ['next', { consult: true }],
      ['outcome', { action: 0 }],
    ])
  })

  it('stays readable at 12 steps each sending back to the first: one lane each, no crossing in one lane', () => {
    const steps = Array.from({ length: 12 }, (_, i) =>
      step(`s${i}`, { to: i === 11 ? '$returned' : `s${i + 1}` }, ...(i > 1 ? [{ to: 's0' }] : [])),
    )
    const { edges, lanes } = flowLayout(steps)
    expect(lanes).toBe(10)
    const sideLanes = edges.filter((e) => e.kind === 'lane').map((e) => e.lane)
    expect(new Set(sideLanes).size).toBe(10)
  })
})
