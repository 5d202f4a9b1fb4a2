import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
const DAY = 86_400_000

describe.each(testDrivers())('satisfaction ratings on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = new Date('2026-03-02T02:00:00Z')
  const { as, act } = asOfficers(() => runtime)
  const rate = (code: string, body: unknown, query = '') =>
    runtime.app.request(`/api/track/${code}/rating${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const track = async (code: string, pin: string) =>
    (await (await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })).json()) as {
      rating: { level: string; criteria: Record<string, string>; comment: string | null } | null
      timeline: { action: string; actionName: { vi: string } }[]
    }
  const file = async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(business, '193'))
    return (await res.json()) as { receiptCode: string; pin: string }
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('refuses a rating before the dossier has ended, then takes one with the PIN in the body, logged with it', async () => {
    const { receiptCode: code, pin } = await file()
    const early = await rate(code, { pin, level: 'satisfied' })
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain('chưa kết thúc')
    expect((await act('tiepnhan.193', code, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })).status).toBe(200)

    expect((await rate(code, { pin: '00000000', level: 'satisfied' })).status).toBe(403)
    expect((await rate(code, { level: 'satisfied' })).status).toBe(403) // neither PIN nor owner
    expect((await rate(code, { level: 'satisfied' }, `?pin=${pin}`)).status).toBe(400)
    expect(await track(code, pin)).toMatchObject({ rating: null })

    const given = await rate(code, {
      pin,
      level: 'dissatisfied',
      criteria: { time: 'satisfied', attitude: 'dissatisfied' },
      comment: '  Cán bộ không giải thích lý do rõ ràng.  ',
    })
    expect(given.status).toBe(201)
    const seen = await track(code, pin)
    expect(seen.rating).toMatchObject({
      level: 'dissatisfied',
      criteria: { time: 'satisfied', attitude: 'dissatisfied' },
      comment: 'Cán bộ không giải thích lý do rõ ràng.',
    })
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'rated' })
    expect(seen.timeline.at(-1)!.actionName.vi).toContain('đánh giá')
  })

  it('names every wrong value with a 422 and writes nothing', async () => {
    const { receiptCode: code, pin } = await file()
    await act('tiepnhan.193', code, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })
    const bad = await rate(code, {
      pin,
      level: 'excellent',
      criteria: { time: 'meh', colour: 'satisfied' },
      comment: 'x'.repeat(1001),
    })
    expect(bad.status).toBe(422)
    const { error } = (await bad.json()) as { error: { issues: { path: string; code: string }[] } }
    expect(error.issues.map((i) => i.path).sort()).toEqual(['/comment', '/criteria/colour', '/criteria/time', '/level'])
    expect((await rate(code, { pin, level: 3 })).status).toBe(400)
    expect((await track(code, pin)).rating).toBeNull()
    expect((await track(code, pin)).timeline.map((e) => e.action)).not.toContain('rated')
  })

  it('lets the signed-in owner rate without the PIN and change it for 7 days, then keeps it', async () => {
    const form = sampleSubmission(business, '193')
    const filed = await as('congdan', 'POST', '/api/dossiers', form.body as FormData)
    expect(filed.status).toBe(201)
    const { receiptCode: code, pin } = (await filed.json()) as { receiptCode: string; pin: string }
    await act('tiepnhan.193', code, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })

    expect((await as('congdan2', 'PUT', `/api/track/${code}/rating`, { level: 'satisfied' })).status).toBe(403)
    expect((await as('congdan', 'PUT', `/api/track/${code}/rating`, { level: 'satisfied' })).status).toBe(201)
    now = new Date(now.getTime() + 6 * DAY)
    expect((await as('congdan', 'PUT', `/api/track/${code}/rating`, { level: 'verySatisfied' })).status).toBe(200)
    expect((await track(code, pin)).rating).toMatchObject({ level: 'verySatisfied' })
    now = new Date(now.getTime() + 2 * DAY)
    const late = await as('congdan', 'PUT', `/api/track/${code}/rating`, { level: 'dissatisfied' })
    expect(late.status).toBe(409)
    const seen = await track(code, pin)
    expect(seen.rating).toMatchObject({ level: 'verySatisfied' })
    expect(seen.timeline.map((e) => e.action).slice(-2)).toEqual(['rated', 'ratingChanged'])
  })
  it('feeds the ratings into indicator 5.4 of Decision 766 for the unit and the province', async () => {
    type Indicators = {
      computed: { key: string; numerator?: number; note?: { vi: string } }[]
      notComputed: { key: string }[]
    }
    for (const query of ['?unit=193', '']) {
      const res = await runtime.app.request(`/api/statistics/indicators${query}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as Indicators
      // one dissatisfied (the first dossier), one very satisfied (the owner's); the second was never rated
      expect(body.computed.find((i) => i.key === '5.4')).toMatchObject({ numerator: 1 })
      expect(body.computed.find((i) => i.key === '5.4')!.note!.vi).toContain('2 đánh giá')
      expect(body.notComputed.map((i) => i.key)).not.toContain('5.4')
    }
  })
})
