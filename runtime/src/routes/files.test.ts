import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
const pdf = (text: string) =>
  new File([new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer<<>>\n%%EOF\n`)], `${text}.pdf`)

describe.each(testDrivers())('supplements and results on $name', ({ open }) => {
  let runtime: TestRuntime
  let code: string
  let pin: string
  const officers: Record<string, string> = {}
  const as = async (user: string, path: string, init: RequestInit = {}) => {
    officers[user] ??= await signIn(runtime, user)
    return runtime.app.request(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${officers[user]}` },
    })
  }
  const act = async (user: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = (await (await as(user, `/api/desk/dossiers/${code}`)).json()) as { version: number }
    const res = await as(user, `/api/desk/dossiers/${code}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: version, ...inputs }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }
  const files = (...list: [string, File][]) => {
    const form = new FormData()
    form.set('note', 'Đã bổ sung hợp đồng')
    for (const [key, file] of list) form.append(`attachments.${key}`, file)
    return form
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(business, '193', { fullName: 'Đỗ Thị Giang' }),
    )
    ;({ receiptCode: code, pin } = (await res.json()) as { receiptCode: string; pin: string })
  })
  afterAll(() => runtime?.close())

  it('lets the citizen answer a supplement request with the PIN, and the officer take it', async () => {
    const key = business.definition.components[0]!.key
    expect(
      (
        await runtime.app.request(`/api/track/${code}/supplement`, {
          method: 'POST',
          headers: { 'x-lookup-pin': pin },
          body: files([key, pdf('som')]),
        })
      ).status,
    ).toBe(409) // nothing asked yet
    await act('tiepnhan.193', 'tiep_nhan')
    await act('chuyenvien.193', 'yeu_cau_bo_sung', { missingItems: ['Bản sao hợp đồng thuê địa điểm'] })
    expect(
      (
        await runtime.app.request(`/api/track/${code}/supplement`, {
          method: 'POST',
          headers: { 'x-lookup-pin': '00000000' },
          body: files([key, pdf('sai-pin')]),
        })
      ).status,
    ).toBe(403)
    const sent = await runtime.app.request(`/api/track/${code}/supplement`, {
      method: 'POST',
      headers: { 'x-lookup-pin': pin },
      body: files([key, pdf('hop-dong')]),
    })
    expect(sent.status).toBe(201)
    const desk = (await (await as('tiepnhan.193', `/api/desk/dossiers/${code}`)).json()) as {
      attachments: { kind: string; fileName: string }[]
      events: { action: string }[]
    }
    expect(desk.attachments).toContainEqual(expect.objectContaining({ kind: 'supplement', fileName: 'hop-dong.pdf' }))
    expect(desk.events.at(-1)).toMatchObject({ action: 'supplementSubmitted', note: 'Đã bổ sung hợp đồng' })
    await act('tiepnhan.193', 'nhan_bo_sung')
  })

  it('lets the applicant download the result of a procedure handled online, and nobody without the PIN', async () => {
    await act('chuyenvien.193', 'trinh_ky')
    await act('lanhdao.193', 'phe_duyet')
    expect(
      (
        await as('tiepnhan.193', `/api/desk/dossiers/${code}/results`, {
          method: 'POST',
          body: files(['x', pdf('giay-chung-nhan')]),
        })
      ).status,
    ).toBe(201)
    await act('tiepnhan.193', 'tra_ket_qua', { deliveryMethod: 'online' })
    const tracked = (await (
      await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as {
      status: number
      attachments: { id: string; kind: string }[]
      timeline: { actionName: { vi: string } }[]
    }
    expect(tracked.status).toBe(10)
    expect(tracked.timeline.map((t) => t.actionName.vi)).toContain('Công dân nộp bổ sung giấy tờ')
    const result = tracked.attachments.find((a) => a.kind === 'result')!
    const file = await runtime.app.request(`/api/track/${code}/files/${result.id}`, {
      headers: { 'x-lookup-pin': pin },
    })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-disposition')).toContain('giay-chung-nhan.pdf')
    expect(await file.text()).toContain('giay-chung-nhan')
    expect((await runtime.app.request(`/api/track/${code}/files/${result.id}`)).status).toBe(403)
    expect((await as('tiepnhan.194', `/api/desk/dossiers/${code}/files/${result.id}`)).status).toBe(403)
  })

  it('shows a PDF in the desk’s preview when asked inline, and downloads it otherwise', async () => {
    const desk = (await (await as('tiepnhan.193', `/api/desk/dossiers/${code}`)).json()) as {
      attachments: { id: string; fileName: string }[]
    }
    const file = desk.attachments.find((a) => a.fileName === 'hop-dong.pdf')!
    const path = `/api/desk/dossiers/${code}/files/${file.id}`
    const inline = await as('tiepnhan.193', `${path}?inline=1`)
    expect(inline.status).toBe(200)
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="hop-dong.pdf"/)
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff')
    // nothing forbids the desk's own page to frame it; a page of another origin cannot read it without the session
    expect(inline.headers.get('x-frame-options')).toBeNull()
    expect((await as('tiepnhan.193', path)).headers.get('content-disposition')).toMatch(/^attachment;/)
    expect((await as('tiepnhan.194', `${path}?inline=1`)).status).toBe(403)
  })
})
