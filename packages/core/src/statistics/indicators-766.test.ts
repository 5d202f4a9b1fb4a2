import { describe, expect, it } from 'vitest'
import type { Figures } from './figures'
import { INDICATOR_GROUPS, indicators766 } from './indicators-766'
import type { CatalogueSummary, ProcedureFigures } from './views'

function figures(c: {
  counter?: number
  online?: number
  early?: number
  onTime?: number
  late?: number
  inTime?: number
  overdue?: number
  averageDays?: number
  legalAverageDays?: number
}): Figures {
  const { counter = 0, online = 0, early = 0, onTime = 0, late = 0, inTime = 0, overdue = 0 } = c
  return {
    carriedOver: 0,
    received: { counter, online, post: 0, total: counter + online },
    onlineShare: counter + online ? online / (counter + online) : null,
    resolved: { early, onTime, late, total: early + onTime + late },
    onTimeShare: null,
    inProgress: { inTime, overdue, total: inTime + overdue },
    waiting: null,
    refused: 0,
    withdrawn: 0,
    stopped: 0,
    time: {
      averageDays: c.averageDays ?? null,
      medianDays: null,
      legalAverageDays: c.legalAverageDays ?? null,
      savedShare: null,
    },
  }
}

const procedure = (code: string, onlineMode: ProcedureFigures['onlineMode'], f: Figures): ProcedureFigures => ({
  code,
  name: code,
  field: 'Hộ tịch',
  onlineMode,
  figures: f,
})

// A commune in a quarter: 100 dossiers; 80 resolved (50 early, 22 on time, 8 late), 20 open (15 in time, 5 overdue).
// Its catalogue: 10 procedures, 4 fully and 3 partly online.
const catalogue: CatalogueSummary = { procedures: 10, full: 4, partial: 3, onlineShare: 0.7, target: 0.7 }
const commune = {
  figures: figures({
    counter: 60,
    online: 40,
    early: 50,
    onTime: 22,
    late: 8,
    inTime: 15,
    overdue: 5,
    averageDays: 2.4,
    legalAverageDays: 4,
  }),
  catalogue,
  procedures: [
    procedure('khai-sinh', 'full', figures({ counter: 10, online: 30 })),
    procedure('ket-hon', 'full', figures({ counter: 20, online: 0 })),
    procedure('trich-luc', 'partial', figures({ counter: 5, online: 10 })),
    procedure('chung-thuc', 'none', figures({ counter: 25, online: 0 })),
  ],
}

describe('indicators766', () => {
  const result = indicators766(commune)
  const indicator = (key: string) => result.computed.find((i) => i.key === key)!

  it('scores the early-or-on-time share over resolved and open dossiers out of 20', () => {
    // (50 + 22 + 15) / (80 + 20) = 0.87 → 17.4 points
    expect(indicator('2.1')).toMatchObject({
      value: 0.87,
      numerator: 87,
      denominator: 100,
      maxPoints: 20,
      points: 17.4,
    })
  })

  it('scores the online share of the fully online procedures out of 12', () => {
    // (30 + 0) / (40 + 20) = 0.5 → 6 points
    expect(indicator('3.4')).toMatchObject({ value: 0.5, numerator: 30, denominator: 60, maxPoints: 12, points: 6 })
  })

  it('follows, without points, the online offer, its use and the online share of dossiers', () => {
    expect(indicator('3.1')).toMatchObject({ value: 0.7, numerator: 7, denominator: 10, points: null })
    // khai-sinh and trich-luc had online dossiers: 2 of the 7 online services
    expect(indicator('3.2')).toMatchObject({ numerator: 2, denominator: 7, points: null })
    expect(indicator('3.3')).toMatchObject({ value: 0.4, numerator: 40, denominator: 100, points: null })
    expect(indicator('2.2')).toMatchObject({ value: 2.4, unit: 'days', points: null })
    expect(indicator('2.2').rule.vi).toContain('4 ngày')
  })

  it('adds the points per group and in all, out of what it can compute of the 100', () => {
    expect(result.groups.map((g) => [g.group, g.maxPoints, g.computableMaxPoints, g.points])).toEqual([
      ['transparency', 18, 0, 0],
      ['progress', 20, 20, 17.4],
      ['digitisation', 22, 0, 0],
      ['online', 22, 12, 6],
      ['satisfaction', 18, 0, 0],
    ])
    expect(result.points).toBe(23.4)
    expect(result.computableMaxPoints).toBe(32)
    expect(result.maxPoints).toBe(100)
  })

  it('says which indicators it cannot compute, and why, in both languages; their points and ours make 100', () => {
    expect(result.notComputed.map((i) => i.key)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '4.1',
      '4.2',
      '4.6',
      '4.3',
      '4.4',
      '4.5',
      '3.5',
      '3.6',
      '5.2',
      '5.3',
      '5.4',
    ])
    for (const i of result.notComputed) {
      expect(i.reason.vi.length).toBeGreaterThan(20)
      expect(i.reason.en.length).toBeGreaterThan(20)
    }
    const missing = result.notComputed.reduce((n, i) => n + (i.maxPoints ?? 0), 0)
    expect(missing + result.computableMaxPoints).toBe(100)
    for (const g of INDICATOR_GROUPS) {
      const inGroup = result.notComputed.filter((i) => i.group === g.group).reduce((n, i) => n + i.maxPoints!, 0)
      expect(inGroup + result.groups.find((x) => x.group === g.group)!.computableMaxPoints).toBe(g.maxPoints)
    }
  })

  it('gives no value and no points where there is nothing to divide by', () => {
    const empty = indicators766({
      figures: figures({}),
      catalogue: { procedures: 0, full: 0, partial: 0, onlineShare: null, target: 0.7 },
      procedures: [],
    })
    expect(empty.computed.every((i) => i.value === null && i.points === null)).toBe(true)
    expect(empty.points).toBe(0)
  })

  it('never puts more online services to use than the unit offers', () => {
    const offersOne = indicators766({ ...commune, catalogue: { ...catalogue, full: 1, partial: 0 } })
    expect(offersOne.computed.find((i) => i.key === '3.2')).toMatchObject({ value: 1, numerator: 1, denominator: 1 })
  })
})

describe('indicator 5.4 from the portal satisfaction ratings', () => {
  // the commune above: 80 resolved, 8 late; 5 of its 80 ended dossiers rated "Không hài lòng"
  const ratings = { verySatisfied: 20, satisfied: 15, dissatisfied: 5, total: 40 }
  const rated = indicators766({ ...commune, ratings })

  it('scores 100 % minus the late share and the dissatisfied share, out of 6 points', () => {
    const i = rated.computed.find((x) => x.key === '5.4')!
    // 1 − 8/80 − 5/80 = 0.8375
    expect(i).toMatchObject({ group: 'satisfaction', value: 0.8375, points: 5.03, maxPoints: 6 })
    expect(i.note?.vi).toContain('40 đánh giá')
    expect(rated.notComputed.map((x) => x.key)).not.toContain('5.4')
    expect(rated.groups.find((g) => g.group === 'satisfaction')).toMatchObject({ computableMaxPoints: 6, points: 5.03 })
    const missing = rated.notComputed.reduce((n, x) => n + (x.maxPoints ?? 0), 0)
    expect(missing + rated.computableMaxPoints).toBe(100)
  })

  it('has no value while no dossier ended, and stays among the missing without ratings', () => {
    const empty = figures({ inTime: 3 })
    const none = indicators766({ figures: empty, catalogue, procedures: [], ratings: { ...ratings, total: 0 } })
    expect(none.computed.find((x) => x.key === '5.4')).toMatchObject({ value: null, points: null })
    expect(indicators766(commune).notComputed.map((x) => x.key)).toContain('5.4')
  })
})
