import type { DeskUnitStatistics } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
// commune level; steps tiep_nhan (1 working hour), xu_ly (3), phe_duyet (3), tra_ket_qua (1)
const signature = libraryProcedure('chung-thuc-chu-ky')
// liên thông: the commune reviews, the district (Hạ Long, 193) appraises and decides, the commune returns
const allowance = libraryProcedure('tro-cap-xa-hoi-hang-thang')

describe.each(testDrivers())('the leader’s statistics on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-04-29T08:00:00')
  const { as, act } = asOfficers(() => runtime)
  const statistics = (user: string, query = 'from=2025-05&to=2025-05', unit = '06649') =>
    as(user, 'GET', `/api/desk/units/${unit}/statistics?${query}`)
  const read = async (user: string, query?: string, unit?: string) => {
    const res = await statistics(user, query, unit)
    expect(res.status).toBe(200)
    return (await res.json()) as DeskUnitStatistics
  }

  const at = async (local: string, user: string, code: string, action: string, inputs?: Record<string, unknown>) => {
    now = vn(local)
    const res = await act(user, code, action, inputs)
    expect(res.status, `${action} at ${local}`).toBe(200)
  }
  const file = async (local: string, lib: typeof signature) => {
    now = vn(local)
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(lib, '06649'))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // April: received, then left at the specialist's step until the first minutes of June (Vietnam time)
    const april = await file('2025-04-29T08:00:00', signature)
    await at('2025-04-29T09:00:00', 'tiepnhan.06649', april, 'tiep_nhan')

    // May, dossier A: 0.5 h at reception, 6 h with the specialist (past the step's 3 working hours), 1 h to sign,
    // 0.5 h to return
    const a = await file('2025-05-05T07:30:00', signature)
    await at('2025-05-05T08:00:00', 'tiepnhan.06649', a, 'tiep_nhan')
    await at('2025-05-05T14:00:00', 'chuyenvien.06649', a, 'trinh_ky')
    await at('2025-05-05T15:00:00', 'lanhdao.06649', a, 'phe_duyet')
    await at('2025-05-05T15:30:00', 'tiepnhan.06649', a, 'tra_ket_qua', { deliveryMethod: 'counter' })
    // dossier B: 1 h at reception, 1 h with the specialist, sent back after 1 h, forwarded again after 0.5 h
    const b = await file('2025-05-06T08:00:00', signature)
    await at('2025-05-06T09:00:00', 'tiepnhan.06649', b, 'tiep_nhan')
    await at('2025-05-06T10:00:00', 'chuyenvien.06649', b, 'trinh_ky')
    await at('2025-05-06T11:00:00', 'lanhdao.06649', b, 'tra_lai', { note: 'Ghi rõ số bản' })
    await at('2025-05-06T11:30:00', 'chuyenvien.06649', b, 'trinh_ky')
    // dossier L, liên thông: the commune holds it 3 h, hands it to the district, which holds it 28 h and hands it
    // back; the commune returns it 18 h later
    const l = await file('2025-05-05T08:00:00', allowance)
    await at('2025-05-05T09:00:00', 'tiepnhan.06649', l, 'tiep_nhan')
    await at('2025-05-05T10:00:00', 'chuyenvien.06649', l, 'trinh_ky')
    await at('2025-05-05T11:00:00', 'lanhdao.06649', l, 'gui_huyen')
    await at('2025-05-06T11:00:00', 'chuyenvien.193', l, 'trinh_quyet_dinh')
    await at('2025-05-06T15:00:00', 'lanhdao.193', l, 'ky_quyet_dinh')
    await at('2025-05-07T09:00:00', 'tiepnhan.06649', l, 'tra', { deliveryMethod: 'counter' })
    // the April dossier leaves the specialist at 00:30 on 1 June, Vietnam time: still 31 May in UTC
    await at('2025-06-01T00:30:00', 'chuyenvien.06649', april, 'trinh_ky')
    now = vn('2025-06-02T09:00:00')
  }, 120_000)
  afterAll(() => runtime?.close())

  it('gives the time per step the unit held, from entering it to leaving it, and how many left late', async () => {
    const body = await read('lanhdao.06649')
    expect(body.period).toEqual({ from: '2025-05', to: '2025-05' })
    expect(body.unit.code).toBe('06649')
    const steps = body.steps.map((s) => [s.procedureCode, s.stepKey, s.left, s.averageHours, s.medianHours, s.late])
    const sig = signature.definition.code
    const alw = allowance.definition.code
    expect(steps).toEqual(
      expect.arrayContaining([
        [sig, 'tiep_nhan', 2, 0.75, 0.75, 0],
        [sig, 'xu_ly', 3, 2.5, 1, 1],
        [sig, 'phe_duyet', 2, 1, 1, 0],
        [sig, 'tra_ket_qua', 1, 0.5, 0.5, 0],
        [alw, 'tiep_nhan', 1, 1, 1, 0],
        [alw, 'ra_soat', 1, 1, 1, 0],
        [alw, 'de_nghi_huyen', 1, 1, 1, 0],
        [alw, 'tra_ket_qua', 1, 18, 18, 0],
      ]),
    )
    // the district's steps are the district's, not the commune's
    expect(steps).toHaveLength(8)
    const xuLy = body.steps.find((s) => s.procedureCode === sig && s.stepKey === 'xu_ly')!
    expect(xuLy.stepName).toBe(signature.definition.steps.find((s) => s.key === 'xu_ly')!.name)
    expect(xuLy.procedureName).toBe(signature.definition.name)
    // in the procedure's order
    expect(body.steps.filter((s) => s.procedureCode === sig).map((s) => s.stepKey)).toEqual([
      'tiep_nhan',
      'xu_ly',
      'phe_duyet',
      'tra_ket_qua',
    ])
  })

  it('gives how long each unit held the dossiers handed between units', async () => {
    const commune = await read('lanhdao.06649')
    const units = commune.units.map((u) => [u.unit.code, u.dossiers, u.holds, u.averageHours, u.medianHours])
    expect(units).toEqual([
      ['06649', 1, 2, 10.5, 10.5],
      ['193', 1, 1, 28, 28],
    ])
    // the district's leader sees the same dossier, its own unit first, and its own steps
    const district = await read('lanhdao.193', 'from=2025-05&to=2025-05', '193')
    expect(district.units.map((u) => [u.unit.code, u.holds, u.averageHours])).toEqual([
      ['193', 1, 28],
      ['06649', 2, 10.5],
    ])
    expect(district.steps.map((s) => [s.stepKey, s.left, s.averageHours])).toEqual([
      ['tham_dinh', 1, 24],
      ['quyet_dinh', 1, 4],
    ])
    expect(district.officers.filter((o) => o.actions > 0).map((o) => [o.username, o.actions, o.averageHours])).toEqual([
      ['chuyenvien.193', 1, 24],
      ['lanhdao.193', 1, 4],
    ])
  })

  it('gives each officer’s actions, the dossiers they moved on, their time from the step’s start and how many late', async () => {
    const body = await read('lanhdao.06649')
    const officers = Object.fromEntries(
      body.officers.map((o) => [o.username, [o.actions, o.dossiers, o.averageHours, o.late]]),
    )
    // receptions of A (0.5 h), B (1 h), L (1 h); returns of A (0.5 h) and L (18 h)
    expect(officers['tiepnhan.06649']).toEqual([5, 3, 4.2, 0])
    // A (6 h, late), B (1 h, then 0.5 h), L (1 h)
    expect(officers['chuyenvien.06649']).toEqual([4, 3, 2.13, 1])
    // A signed, B sent back, L sent to the district: 1 h each
    expect(officers['lanhdao.06649']).toEqual([3, 3, 1, 0])
    // only the unit's officers, with their names
    expect(body.officers.map((o) => o.username)).not.toContain('chuyenvien.193')
    expect(body.officers.every((o) => o.fullName.length > 0)).toBe(true)
  })

  it('counts by Vietnam-local months: April and June each see only their own moves', async () => {
    const april = await read('lanhdao.06649', 'from=2025-04&to=2025-04')
    expect(april.steps.map((s) => [s.stepKey, s.left, s.averageHours])).toEqual([['tiep_nhan', 1, 1]])
    expect(april.units).toEqual([])
    const june = await read('lanhdao.06649', 'from=2025-06&to=2025-06')
    // 29 April 09:00 to 1 June 00:30: 783.5 hours, well past the step's deadline
    expect(june.steps.map((s) => [s.stepKey, s.left, s.averageHours, s.late])).toEqual([['xu_ly', 1, 783.5, 1]])
    expect(june.officers.find((o) => o.username === 'chuyenvien.06649')).toMatchObject({ actions: 1, late: 1 })
    // the whole quarter adds the months up
    const quarter = await read('lanhdao.06649', 'from=2025-04&to=2025-06')
    expect(
      quarter.steps.find((s) => s.procedureCode === signature.definition.code && s.stepKey === 'xu_ly'),
    ).toMatchObject({ left: 4, late: 2 })
  })

  it('gives the unit’s figures from the statistics', async () => {
    const body = await read('lanhdao.06649')
    expect(body.figures.received).toMatchObject({ online: 3, total: 3 })
    expect(body.figures.onlineShare).toBe(1)
    expect(body.figures.resolved.total).toBe(2)
    expect(body.figures.carriedOver).toBe(1)
  })

  it('refuses anyone but a leader of the unit, and a bad period', async () => {
    expect((await statistics('chuyenvien.06649')).status).toBe(403)
    expect((await statistics('tiepnhan.06649')).status).toBe(403)
    expect((await statistics('lanhdao.06652')).status).toBe(403)
    expect((await statistics('lanhdao.193')).status).toBe(403)
    expect((await statistics('lanhdao.06649', 'from=2025-05', 'no-such-unit')).status).toBe(403)
    for (const query of [
      'from=2025-13',
      'from=2025-5',
      "from=2025-05';drop table dossiers;--",
      `to=${'9'.repeat(5000)}`,
      'from=2025-06&to=2025-05',
      'from=2000-01&to=2025-05',
    ]) {
      const res = await statistics('lanhdao.06649', query)
      expect(res.status, query).toBe(400)
      expect(JSON.stringify(await res.json())).toMatch(/tháng|Tham số/i)
    }
  })
})
