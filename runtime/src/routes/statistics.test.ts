import type { ProvinceStatistics, UnitStatistics } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
// commune level, due the same day (the next working day when received after 15:00)
const signature = libraryProcedure('chung-thuc-chu-ky')
// commune level, same day; its specialist may ask for a supplement
const birth = libraryProcedure('dang-ky-khai-sinh')

/**
 * A hand-made month at Phường Hà Khánh (06649), every dossier filed online, and the figures worked out by hand from
 * TIMELINESS.md. 30/4 and 1/5/2025 are holidays, and 2/5 was swapped off for Saturday 26/4.
 */
describe.each(testDrivers())('statistics from a hand-made set of dossiers on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-04-28T08:00:00')
  const { act } = asOfficers(() => runtime)
  const codes: Record<string, string> = {}

  const at = async (local: string, step: () => Promise<Response>) => {
    now = vn(local)
    const res = await step()
    expect(res.status, local).toBeLessThan(300)
  }
  const file = async (name: string, local: string, procedure = signature) => {
    now = vn(local)
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(procedure, '06649'))
    expect(res.status).toBe(201)
    codes[name] = ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const receive = (name: string, local: string) => at(local, () => act('tiepnhan.06649', codes[name]!, 'tiep_nhan'))
  const resolve = async (name: string, local: string) => {
    await at(local, () => act('chuyenvien.06649', codes[name]!, 'trinh_ky'))
    await at(local, () => act('lanhdao.06649', codes[name]!, 'phe_duyet'))
  }
  const get = async <T>(path: string, local: string): Promise<T> => {
    now = vn(local)
    const res = await runtime.app.request(path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // early: received after the 15:00 cutoff (due on the next working day, Monday 5/5), done the same afternoon
    await file('early', '2025-04-28T15:20:00')
    await receive('early', '2025-04-28T15:30:00')
    await resolve('early', '2025-04-28T16:00:00')
    await at('2025-04-28T16:30:00', () =>
      act('tiepnhan.06649', codes.early!, 'tra_ket_qua', { deliveryMethod: 'counter' }),
    )
    // on time: done exactly at the deadline, 17:00 the day it was received
    await file('exact', '2025-04-29T08:00:00')
    await receive('exact', '2025-04-29T09:00:00')
    await resolve('exact', '2025-04-29T17:00:00')
    // carried over into May, and late there
    await file('late', '2025-04-29T08:10:00')
    await receive('late', '2025-04-29T10:00:00')
    // paused before its deadline (asked for a supplement at 11:30): it waits, it is not overdue
    await file('paused', '2025-04-29T08:20:00', birth)
    await receive('paused', '2025-04-29T11:00:00')
    await at('2025-04-29T11:30:00', () =>
      act('chuyenvien.06649', codes.paused!, 'yeu_cau_bo_sung', { missingItems: ['Giấy chứng sinh'] }),
    )
    // submitted in April, refused at reception in May: never received
    await file('refused', '2025-04-29T20:00:00')
    await at('2025-05-05T08:00:00', () =>
      act('tiepnhan.06649', codes.refused!, 'tu_choi', { reason: 'Hồ sơ không thuộc thẩm quyền' }),
    )
    await resolve('late', '2025-05-06T09:00:00')
    // a May dossier stopped after reception
    await file('stopped', '2025-05-06T08:00:00')
    await receive('stopped', '2025-05-06T08:30:00')
    await at('2025-05-06T09:30:00', () =>
      act('chuyenvien.06649', codes.stopped!, 'dung_giai_quyet', { reason: 'Người yêu cầu không đến ký' }),
    )
  })
  afterAll(() => runtime?.close())

  it('counts April as worked out by hand: received, early and on time, and in progress within time at its end', async () => {
    const april = await get<UnitStatistics>(
      '/api/statistics/units/06649?from=2025-04&to=2025-04&structure=then',
      '2025-06-10T09:00:00',
    )
    expect(april.unit).toMatchObject({ code: '06649', level: 'commune' })
    expect(april.figures).toMatchObject({
      carriedOver: 0,
      received: { counter: 0, online: 4, post: 0, total: 4 },
      onlineShare: 1,
      resolved: { early: 1, onTime: 1, late: 0, total: 2 },
      onTimeShare: 1,
      // "late" fell due at 17:00 on 29/4 and was still open on 30/4; "paused" waits for the applicant
      inProgress: { inTime: 1, overdue: 1, total: 2 },
      waiting: null,
      refused: 0,
      stopped: 0,
    })
    // early: 30 minutes; exact: 8 hours; both within their first day
    expect(april.figures.time.medianDays).toBe(0)
    expect(Object.fromEntries(april.procedures.map((p) => [p.code, p.figures.received.total]))).toEqual({
      [signature.definition.code]: 3,
      [birth.definition.code]: 1,
    })
    expect(april.fields.map((f) => f.field).sort()).toEqual(
      [...new Set([signature.definition.field, birth.definition.field])].sort(),
    )
    expect(april.months.map((m) => m.month)).toEqual(['2025-04'])
  })

  it('carries April’s open dossiers into May, counts the late one, the refusal and the stop', async () => {
    const may = await get<UnitStatistics>(
      '/api/statistics/units/06649?from=2025-05&to=2025-05&structure=then',
      '2025-06-10T09:00:00',
    )
    expect(may.figures).toMatchObject({
      carriedOver: 2,
      received: { total: 1 },
      resolved: { early: 0, onTime: 0, late: 1, total: 1 },
      onTimeShare: 0,
      inProgress: { inTime: 1, overdue: 0, total: 1 },
      refused: 1,
      stopped: 1,
    })
    // the two months together: nothing carried, five received
    const both = await get<UnitStatistics>(
      '/api/statistics/units/06649?from=2025-04&to=2025-05&structure=then',
      '2025-06-10T09:00:00',
    )
    expect(both.figures).toMatchObject({
      carriedOver: 0,
      received: { total: 5 },
      resolved: { early: 1, onTime: 1, late: 1 },
      inProgress: { total: 1 },
    })
    expect(both.months.map((m) => [m.month, m.received.online, m.resolved.late])).toEqual([
      ['2025-04', 4, 0],
      ['2025-05', 1, 1],
    ])
  })

  it('judges a period that reaches today as the desk does, with who waits for a supplement', async () => {
    const live = await get<UnitStatistics>(
      '/api/statistics/units/06649?from=2025-05&to=2025-05&structure=then',
      '2025-05-20T09:00:00',
    )
    expect(live.figures.inProgress).toEqual({ inTime: 1, overdue: 0, total: 1 })
    expect(live.figures.waiting).toEqual({ supplement: 1, payment: 0 })
  })

  it('adds the unit into its level and the province, with the commune’s catalogue', async () => {
    const province = await get<ProvinceStatistics>(
      '/api/statistics?from=2025-04&to=2025-05&structure=then',
      '2025-06-10T09:00:00',
    )
    expect(province.figures.received.total).toBe(5)
    const communes = province.levels.find((l) => l.level === 'commune')!
    expect(communes.figures.resolved.total).toBe(3)
    expect(communes.units).toBeGreaterThan(100)
    const ward = province.units.find((u) => u.unit.code === '06649')!
    expect(ward.figures.received.total).toBe(5)
    expect(province.catalogue.procedures).toBeGreaterThan(10)
    expect(province.catalogue.target).toBe(0.7)
  })

  it('refuses bad months and unknown units with what to fix', async () => {
    for (const query of ['from=2025-13', 'to=2025-1', 'from=2025-06&to=2025-05', 'structure=later', 'from=%00']) {
      const res = await runtime.app.request(`/api/statistics?${query}`)
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_DATA')
    }
    expect((await runtime.app.request('/api/statistics/units/99999')).status).toBe(404)
    // a NUL anywhere in the path is refused before any route
    expect((await runtime.app.request(`/api/statistics/units/${encodeURIComponent('06649\u0000')}`)).status).toBe(400)
  })
})

const allowance = libraryProcedure('tro-cap-xa-hoi-hang-thang') // commune → district (liên thông) → commune

describe.each(testDrivers())(
  'statistics across a liên thông dossier and a ward merged mid-month on $name',
  ({ open }) => {
    let runtime: TestRuntime
    let now = vn('2025-06-02T08:00:00')
    const { act, as } = asOfficers(() => runtime)
    const codes: Record<string, string> = {}
    const ok = async (
      local: string,
      user: string,
      name: string,
      action: string,
      inputs: Record<string, unknown> = {},
    ) => {
      now = vn(local)
      const res = await act(user, codes[name]!, action, inputs)
      expect(res.status, `${name} ${action}`).toBe(200)
    }
    const file = async (name: string, local: string, procedure: typeof allowance, unit: string) => {
      now = vn(local)
      const res = await runtime.app.request('/api/dossiers', sampleSubmission(procedure, unit))
      expect(res.status).toBe(201)
      codes[name] = ((await res.json()) as { receiptCode: string }).receiptCode
    }
    const june = async (unit: string, structure: 'then' | 'now') => {
      now = vn('2025-07-10T09:00:00')
      const res = await runtime.app.request(
        `/api/statistics/units/${unit}?from=2025-06&to=2025-06&structure=${structure}`,
      )
      expect(res.status).toBe(200)
      return (await res.json()) as UnitStatistics
    }

    beforeAll(async () => {
      runtime = await openTestRuntime(open, { clock: () => now })
      // liên thông: the ward receives, the district appraises and decides, the result comes back to the ward
      await file('allowance', '2025-06-02T08:00:00', allowance, '06649')
      await ok('2025-06-02T08:30:00', 'tiepnhan.06649', 'allowance', 'tiep_nhan')
      await ok('2025-06-02T09:00:00', 'chuyenvien.06649', 'allowance', 'trinh_ky')
      await ok('2025-06-02T10:00:00', 'lanhdao.06649', 'allowance', 'gui_huyen')
      await ok('2025-06-04T10:00:00', 'chuyenvien.193', 'allowance', 'trinh_quyet_dinh')
      await ok('2025-06-05T11:00:00', 'lanhdao.193', 'allowance', 'ky_quyet_dinh')
      // Hà Tu's birth registration, received on 9/6 and due that afternoon, still open when the wards merge
      await file('birth', '2025-06-09T08:00:00', libraryProcedure('dang-ky-khai-sinh'), '06652')
      await ok('2025-06-09T09:00:00', 'tiepnhan.06652', 'birth', 'tiep_nhan')
      now = vn('2025-06-16T07:00:00')
      const t = { t: { title: 'Thử nghiệm' } }
      const merge = {
        name: '2025-06-16-thu-hop-nhat',
        title: 'Thử hợp nhất hai phường',
        effectiveDate: '2025-06-16',
        sources: t,
        create: [
          {
            code: '99001',
            name: 'Phường Thử Hợp Nhất',
            type: 'Phường',
            level: 'commune',
            parent: '193',
            electronicId: '000.01.99.H49',
            source: 't',
          },
        ],
        changes: [{ kind: 'merge', units: ['06649', '06652'], into: '99001', source: 't' }],
      }
      expect((await as('admin', 'POST', '/api/admin/reorganisations/apply', { plan: merge })).status).toBe(200)
      // the merged ward's officers (Hà Tu's, who moved with it) finish it, late
      await ok('2025-06-17T09:00:00', 'chuyenvien.06652', 'birth', 'trinh_ky')
      await ok('2025-06-17T10:00:00', 'lanhdao.06652', 'birth', 'phe_duyet')
      await file('merged', '2025-06-18T08:00:00', libraryProcedure('dang-ky-khai-sinh'), '99001')
      await ok('2025-06-18T09:00:00', 'tiepnhan.06652', 'merged', 'tiep_nhan')
    })
    afterAll(() => runtime?.close())

    it('counts a liên thông dossier once, under the ward that resolves it, not the district it went through', async () => {
      const ward = await june('06649', 'then')
      expect(ward.unit.name).toBe('Phường Hà Khánh')
      expect(ward.figures).toMatchObject({
        received: { total: 1 },
        resolved: { early: 1, total: 1 },
        inProgress: { total: 0 },
      })
      const district = await june('193', 'then')
      expect(district.figures.received.total).toBe(0)
      expect(district.figures.resolved.total).toBe(0)
      // the ward is among the district's units, with its figures
      expect(district.children.find((c) => c.unit.code === '06649')?.figures.resolved.early).toBe(1)
    })

    it('keeps each ward’s dossiers under it by the structure of the time, and adds them up under the new ward by today’s', async () => {
      const haTu = await june('06652', 'then')
      expect(haTu.figures).toMatchObject({ received: { total: 1 }, resolved: { late: 1, total: 1 } })
      const merged = await june('99001', 'then')
      expect(merged.figures).toMatchObject({ received: { total: 1 }, resolved: { total: 0 }, inProgress: { total: 1 } })
      const today = await june('99001', 'now')
      expect(today.figures).toMatchObject({
        received: { total: 3 },
        resolved: { early: 1, onTime: 0, late: 1, total: 2 },
        inProgress: { total: 1 },
      })
      expect(today.predecessors.map((u) => u.code).sort()).toEqual(['06649', '06652'])
      // an old code today leads to the ward that took it over
      expect((await june('06649', 'now')).unit.code).toBe('99001')
      // a code is named with a day it was borne on: that day's unit, or under today's structure the unit it went to
      const on = (at: string, structure: string) =>
        runtime.app.request(`/api/statistics/units/06649?from=2025-06&to=2025-06&structure=${structure}&at=${at}`)
      expect(((await (await on('2025-06-01', 'then')).json()) as UnitStatistics).unit).toMatchObject({
        name: 'Phường Hà Khánh',
        to: '2025-06-16',
      })
      expect(((await (await on('2025-06-01', 'now')).json()) as UnitStatistics).unit.code).toBe('99001')
      expect((await on('2025-06-20', 'then')).status).toBe(404)
      expect((await on('2025-02-30', 'then')).status).toBe(400)
      // the province adds up the same either way
      now = vn('2025-07-10T09:00:00')
      const read = async (structure: string) =>
        (await (
          await runtime.app.request(`/api/statistics?from=2025-06&to=2025-06&structure=${structure}`)
        ).json()) as ProvinceStatistics
      const [then, nowView] = [await read('then'), await read('now')]
      expect(then.figures).toEqual(nowView.figures)
      expect(nowView.units.some((u) => u.unit.code === '06649')).toBe(false)
      expect(then.units.find((u) => u.unit.code === '06649')?.figures.received.total).toBe(1)
    })
  },
)
