import { userRoles, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const signature = libraryProcedure('chung-thuc-chu-ky') // commune level, same day (15:00 rule), approval in bulk
const birth = libraryProcedure('dang-ky-khai-sinh') // commune level, its approval is not bulk

interface Row {
  receiptCode: string
  version: number
  status: number
  timeliness: string
  workingMinutesLeft: number | null
  action?: { key: string; label: string }
}
interface Overview {
  unit: { code: string; name: string }
  leads: { code: string }[]
  counts: Record<string, number>
  overdue: { items: Row[]; total: number }
  dueSoon: { items: Row[]; total: number }
  officers: { username: string; roles: string[]; open: number; overdue: number; recentActions: number }[]
  bulk: Row[]
}
interface Bulk {
  done: number
  failed: number
  results: { receiptCode: string; ok: boolean; status?: number; error?: { code: string; status: number } }[]
}

describe.each(testDrivers())('the leader’s view on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:30:00')
  const { as, act, view } = asOfficers(() => runtime)
  const overview = async (user: string, unit = '06649') => as(user, 'GET', `/api/desk/units/${unit}/overview`)
  const signs: string[] = []
  let birthCode = ''

  const file = async (lib: typeof signature) => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(lib, '06649'))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    expect((await act('tiepnhan.06649', receiptCode, 'tiep_nhan')).status).toBe(200)
    expect((await act('chuyenvien.06649', receiptCode, 'trinh_ky')).status).toBe(200)
    return receiptCode
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    for (let i = 0; i < 4; i++) signs.push(await file(signature))
    birthCode = await file(birth)
  })
  afterAll(() => runtime?.close())

  it('shows the unit’s counts, the dossiers due soon, each officer’s load and what the leader may sign in bulk', async () => {
    now = vn('2025-05-05T09:00:00')
    const res = await overview('lanhdao.06649')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Overview
    expect(body.unit.code).toBe('06649')
    expect(body.leads.map((u) => u.code)).toEqual(['06649'])
    expect(body.counts).toMatchObject({ open: 5, overdue: 0, supplement: 0, payment: 0, toReturn: 0 })
    expect(body.overdue.items).toEqual([])
    // a signature is due the same day: within one working day
    expect(body.dueSoon.items.map((d) => d.receiptCode)).toEqual(expect.arrayContaining(signs))
    // only the dossiers whose step offers a bulk action, with that action
    expect(body.bulk.map((d) => d.receiptCode).sort()).toEqual([...signs].sort())
    expect(body.bulk[0]!.action).toMatchObject({ key: 'phe_duyet', label: 'Ký chứng thực' })
    const load = Object.fromEntries(body.officers.map((o) => [o.username, o]))
    // the specialist forwarded last: the five are theirs; the receiving officer acted on all five before
    expect(load['chuyenvien.06649']).toMatchObject({ open: 5, overdue: 0, recentActions: 5 })
    expect(load['tiepnhan.06649']).toMatchObject({ open: 0, overdue: 0, recentActions: 5 })
    expect(load['lanhdao.06649']).toMatchObject({ roles: ['leader'], open: 0, recentActions: 0 })
  })

  it('lists the overdue dossiers soonest first once the deadline has passed', async () => {
    now = vn('2025-05-07T10:00:00')
    const body = (await (await overview('lanhdao.06649')).json()) as Overview
    expect(body.counts).toMatchObject({ open: 5, overdue: 5, dueSoon: 0 })
    expect(body.overdue.total).toBe(5)
    expect(body.overdue.items.every((d) => d.timeliness === 'overdue' && d.workingMinutesLeft! < 0)).toBe(true)
    const left = body.overdue.items.map((d) => d.workingMinutesLeft!)
    expect(left).toEqual([...left].sort((a, b) => a - b))
    expect(body.officers.find((o) => o.username === 'chuyenvien.06649')).toMatchObject({ open: 5, overdue: 5 })
  })

  it('refuses the overview to anyone but a leader of the unit', async () => {
    expect((await overview('chuyenvien.06649')).status).toBe(403)
    expect((await overview('tiepnhan.06649')).status).toBe(403)
    expect((await overview('lanhdao.06652')).status).toBe(403)
    expect((await overview('lanhdao.06649', 'no-such-unit')).status).toBe(403)
    expect((await overview('lanhdao.06652', '06652')).status).toBe(200)
  })

  it('signs in bulk, each dossier on its own: a stale one, one not bulk and one unknown fail, the others are done', async () => {
    const versions = Object.fromEntries(
      await Promise.all(signs.map(async (code) => [code, (await view('lanhdao.06649', code)).version] as const)),
    )
    const birthVersion = (await view('lanhdao.06649', birthCode)).version
    const res = await as('lanhdao.06649', 'POST', '/api/desk/bulk/phe_duyet', {
      dossiers: [
        { receiptCode: signs[0], expectedVersion: versions[signs[0]!] },
        { receiptCode: signs[1], expectedVersion: versions[signs[1]!]! - 1 },
        { receiptCode: signs[2], expectedVersion: versions[signs[2]!] },
        { receiptCode: birthCode, expectedVersion: birthVersion },
        { receiptCode: '000.00.00.H49-250505-9999', expectedVersion: 1 },
      ],
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Bulk
    expect(body).toMatchObject({ done: 2, failed: 3 })
    expect(body.results.map((r) => [r.receiptCode, r.ok, r.status ?? r.error?.status])).toEqual([
      [signs[0], true, 9],
      [signs[1], false, 409],
      [signs[2], true, 9],
      [birthCode, false, 409],
      ['000.00.00.H49-250505-9999', false, 404],
    ])
    expect(JSON.stringify(body.results[3]!.error)).toContain('hàng loạt')
    // the stale one is untouched, the signed ones moved to the return step, each with its own event
    expect(await view('lanhdao.06649', signs[1]!)).toMatchObject({ status: 4, step: { key: 'phe_duyet' } })
    expect(await view('lanhdao.06649', signs[0]!)).toMatchObject({ status: 9, step: { key: 'tra_ket_qua' } })
    const after = (await (await overview('lanhdao.06649')).json()) as Overview
    expect(after.bulk.map((d) => d.receiptCode).sort()).toEqual([signs[1], signs[3]].sort())
    expect(after.counts).toMatchObject({ open: 5, toReturn: 2 })
    expect(after.officers.find((o) => o.username === 'lanhdao.06649')).toMatchObject({ open: 2, recentActions: 2 })
  })

  it('refuses bulk sign-off to other roles and units, and a body of none or too many', async () => {
    const version = (await view('lanhdao.06649', signs[3]!)).version
    const one = { dossiers: [{ receiptCode: signs[3], expectedVersion: version }] }
    expect((await as('chuyenvien.06649', 'POST', '/api/desk/bulk/phe_duyet', one)).status).toBe(403)
    const other = (await (await as('lanhdao.06652', 'POST', '/api/desk/bulk/phe_duyet', one)).json()) as Bulk
    expect(other).toMatchObject({
      done: 0,
      failed: 1,
      results: [{ ok: false, error: { code: 'FORBIDDEN', status: 403 } }],
    })
    // an action that is not bulk, on a dossier where it is offered
    const back = (await (await as('lanhdao.06649', 'POST', '/api/desk/bulk/tra_lai', one)).json()) as Bulk
    expect(back.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT', status: 409 } })
    expect(await view('lanhdao.06649', signs[3]!)).toMatchObject({ version, status: 4 })
    const many = Array.from({ length: 101 }, () => one.dossiers[0])
    expect((await as('lanhdao.06649', 'POST', '/api/desk/bulk/phe_duyet', { dossiers: many })).status).toBe(400)
    expect((await as('lanhdao.06649', 'POST', '/api/desk/bulk/phe_duyet', { dossiers: [] })).status).toBe(400)
  })

  it('offers a leader of several units each of them, and only those', async () => {
    const { db } = runtime.database
    const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'lanhdao.06649'))
    const other = await runtime.units.byCode('06652')
    await db.insert(userRoles).values({ userId: leader!.id, role: 'leader', unitId: other!.id })
    const body = (await (await overview('lanhdao.06649', '06652')).json()) as Overview
    expect(body.unit.code).toBe('06652')
    expect(body.leads.map((u) => u.code).sort()).toEqual(['06649', '06652'])
    expect(body.counts.open).toBe(0)
    expect(body.bulk).toEqual([])
    expect((await overview('lanhdao.06649', '193')).status).toBe(403)
  })
})
