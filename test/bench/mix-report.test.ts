import { describe, expect, it } from 'vitest'
import { MixRecorder, problemsOf, summarise, type Turn } from './mix-report'
import type { Group, Step } from './mix-workload'

const step = (group: Group): Step => ({ group, method: 'GET', path: `/${group}` })
function turn(answers: [Group, number, number][], extra: Partial<Turn> = {}): Turn {
  const recorder = new MixRecorder()
  for (const [group, status, count] of answers)
    for (let i = 0; i < count; i++) recorder.record(step(group), status, i + 1, 'body')
  return { label: 'mix', processes: 1, seconds: 10, errors: 0, timeouts: 0, ...summarise(recorder, 10), ...extra }
}

describe('the mix report', () => {
  it('sums per group and overall, with latency percentiles and statuses', () => {
    const { groups, overall } = summarise(
      (() => {
        const r = new MixRecorder()
        for (let i = 1; i <= 100; i++) r.record(step('track'), 200, i, '')
        r.record(step('deskAct'), 409, 500, 'stale')
        return r
      })(),
      10,
    )
    expect(groups.find((g) => g.group === 'track')).toMatchObject({ requests: 100, p50: 50, p99: 99, failed: 0 })
    expect(overall).toMatchObject({
      requests: 101,
      requestsPerSecond: 10.1,
      statuses: { 200: 100, 409: 1 },
      conflicts: 1,
    })
  })

  it('fails a turn with more than 1 % failures, not counting 409s to actions nor 304s', () => {
    expect(
      problemsOf([
        turn([
          ['browse', 200, 980],
          ['browse', 304, 10],
          ['deskAct', 409, 4],
          ['deskAct', 200, 6],
        ]),
      ]),
    ).toEqual([])
    expect(
      problemsOf([
        turn([
          ['browse', 200, 980],
          ['track', 429, 20],
        ]),
      ]),
    ).toEqual(['mix at 1: 20 of 1,000 requests failed (more than 1 %)'])
    expect(problemsOf([turn([['browse', 200, 1000]], { errors: 11 })])).toHaveLength(1)
  })

  it('fails a turn whose actions mostly lost a race', () => {
    expect(
      problemsOf([
        turn([
          ['browse', 200, 10_000],
          ['deskAct', 409, 6],
          ['deskAct', 200, 4],
        ]),
      ]),
    ).toEqual(['mix at 1: 6 of 10 actions answered 409'])
  })
})
