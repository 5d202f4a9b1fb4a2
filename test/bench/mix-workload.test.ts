import { describe, expect, it } from 'vitest'
import { outcome } from './mix-report'
import { createMix, type MixFixtures, schedule, seeded, WEIGHTS, WorkQueue } from './mix-workload'

const fixtures: MixFixtures = {
  procedures: [{ code: '2.000635', version: 1 }],
  searches: ['hộ tịch'],
  communes: ['06652'],
  assets: ['/assets/index-abc.js'],
  indexEtag: '"x"',
  submissions: { spread: ['{}'], busy: ['{}'] },
  actions: {
    procedure: '2.000635',
    receiveStep: 'tiep_nhan',
    receive: 'tiep_nhan',
    forwardStep: 'xu_ly',
    forward: 'trinh_ky',
  },
  officers: { receiving: 'r', specialist: 's', leader: 'l' },
  knownCodes: ['000.00.00.H47-261130-0001'],
}
const item = (receiptCode: string, step: string, version = 1) => ({
  receiptCode,
  version,
  procedure: { code: '2.000635' },
  step: { key: step },
})

describe('the mix', () => {
  it('holds every weight exactly in each 100 draws, the weights adding up to 100', () => {
    const slots = schedule(WEIGHTS, seeded(1))
    expect(slots).toHaveLength(100)
    for (const [name, weight] of Object.entries(WEIGHTS)) expect(slots.filter((s) => s === name)).toHaveLength(weight)
    expect(schedule(WEIGHTS, seeded(1))).toEqual(slots)
  })

  it('hands each dossier out once, at the version last seen', () => {
    const queue = new WorkQueue()
    queue.offer('A', 2)
    queue.offer('B', 2)
    queue.offer('A', 3)
    expect(queue.take()).toEqual({ code: 'A', version: 3 })
    queue.offer('A', 3)
    expect(queue.take()).toEqual({ code: 'B', version: 2 })
    expect(queue.take()).toBeUndefined()
  })

  it("acts on what the officer's own list showed at the step, and lists instead when there is nothing", () => {
    const mix = createMix(fixtures)
    const idle = mix.operations.receive()
    expect(idle).toMatchObject({
      group: 'deskList',
      path: '/api/desk/dossiers?queue=reception&procedure=2.000635',
      headers: { authorization: 'Bearer r' },
    })
    expect(mix.counters.nothingToReceive).toBe(1)
    idle.onDone!(200, JSON.stringify({ items: [item('C1', 'tiep_nhan'), item('C2', 'xu_ly')], total: 2 }))
    const receive = mix.operations.receive()
    expect(receive).toMatchObject({
      group: 'deskAct',
      method: 'POST',
      path: '/api/desk/dossiers/C1/actions/tiep_nhan',
      body: '{"expectedVersion":1}',
    })
    expect(mix.operations.receive().group).toBe('deskList')
    receive.onDone!(200, '{"receiptCode":"C1","version":2,"status":2,"currentStep":"xu_ly"}')
    expect(mix.operations.forward()).toMatchObject({
      group: 'deskAct',
      path: '/api/desk/dossiers/C1/actions/trinh_ky',
      headers: { authorization: 'Bearer s' },
      body: '{"expectedVersion":2}',
    })
  })

  it('counts a 409 to an action as a race lost, and as a failure anywhere else', () => {
    expect(outcome('deskAct', 409)).toBe('conflict')
    expect(outcome('submit', 409)).toBe('failed')
    expect(outcome('browse', 304)).toBe('ok')
    expect(outcome('track', 429)).toBe('failed')
  })
})
