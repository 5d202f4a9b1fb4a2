import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const licence = libraryProcedure('cap-giay-phep-lai-xe-quoc-te') // Sở GTVT, received at the provincial centre (until 28/02/2025)
const allowance = libraryProcedure('tro-cap-xa-hoi-hang-thang') // commune → district → commune
const birth = libraryProcedure('dang-ky-khai-sinh') // received regardless of boundary from 1/7/2025
const applicant = { fullName: 'Lê Thị Mai', idNumber: '022190008888', phone: '0904111222' }

interface Desk {
  receiptCode: string
  version: number
  status: number
  receivingUnitCode: string
  currentUnitCode: string | null
  step: { key: string } | null
  actions: { key: string; type: string }[]
  events: { action: string; data: { fromUnit?: { code: string }; toUnit?: { code: string } } | null }[]
}

describe.each(testDrivers())('receiving units and liên thông steps on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:00:00')
  const { as, act } = asOfficers(() => runtime)
  const view = async (user: string, code: string) => {
    const res = await as(user, 'GET', `/api/desk/dossiers/${code}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Desk
  }
  const actOk = async (user: string, code: string, action: string, inputs: Record<string, unknown> = {}) => {
    const res = await act(user, code, action, inputs)
    expect(res.status, await res.clone().text()).toBe(200)
  }
  /** The action leading on from the current step, as the caller sees it. */
  const onward = async (user: string, code: string) =>
    (await view(user, code)).actions.find((a) => ['receive', 'forward', 'approve'].includes(a.type))!.key
  const queue = async (user: string) =>
    ((await (await as(user, 'GET', '/api/desk/dossiers?mine=1')).json()) as { items: Desk[] }).items.map(
      (d) => d.receiptCode,
    )
  const electronicId = async (code: string) => (await runtime.units.byCode(code))!.electronicId
  const hands = (d: Desk) =>
    d.events
      .filter((e) => e.action === 'handOver' || e.action === 'handBack')
      .map((e) => `${e.action} ${e.data?.fromUnit?.code}→${e.data?.toUnit?.code}`)

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('receives a department’s dossier at the provincial centre, under the centre’s code, and returns it there', async () => {
    now = vn('2025-02-11T08:00:00')
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(licence.definition, {
        procedureCode: licence.definition.code,
        unitCode: 'SGTVT',
        applicant,
        formData: licence.sample,
      }),
    })
    expect(res.status).toBe(201)
    const filed = (await res.json()) as {
      receiptCode: string
      unit: { code: string }
      receivingUnit: { code: string }
    }
    expect(filed.unit.code).toBe('SGTVT')
    expect(filed.receivingUnit.code).toBe('TTPVHCC')
    const code = filed.receiptCode
    expect(code.startsWith(`${await electronicId('TTPVHCC')}-250211-`)).toBe(true)

    // the centre's counter receives it; the department's own counter cannot
    expect(await queue('tiepnhan.ttpvhcc')).toContain(code)
    expect(await queue('tiepnhan.sgtvt')).not.toContain(code)
    expect((await act('tiepnhan.sgtvt', code, 'tiep_nhan')).status).toBe(403)
    await actOk('tiepnhan.ttpvhcc', code, 'tiep_nhan')

    const atDepartment = await view('chuyenvien.sgtvt', code)
    expect(atDepartment).toMatchObject({ status: 2, receivingUnitCode: 'TTPVHCC', currentUnitCode: 'SGTVT' })
    expect(hands(atDepartment)).toEqual(['handOver TTPVHCC→SGTVT'])
    expect(await queue('chuyenvien.sgtvt')).toContain(code)
    // the centre still reads it, but acts no more until it comes back
    expect((await view('tiepnhan.ttpvhcc', code)).actions).toEqual([])

    now = vn('2025-02-12T09:00:00')
    await actOk('chuyenvien.sgtvt', code, await onward('chuyenvien.sgtvt', code))
    await actOk('lanhdao.sgtvt', code, await onward('lanhdao.sgtvt', code))
    const back = await view('tiepnhan.ttpvhcc', code)
    expect(back).toMatchObject({ status: 9, currentUnitCode: 'TTPVHCC', step: { key: 'tra_ket_qua' } })
    expect(hands(back)).toEqual(['handOver TTPVHCC→SGTVT', 'handBack SGTVT→TTPVHCC'])
    expect(await queue('tiepnhan.ttpvhcc')).toContain(code)
    await actOk('tiepnhan.ttpvhcc', code, 'tra_ket_qua', { deliveryMethod: 'counter' })
    expect((await view('chuyenvien.sgtvt', code)).status).toBe(10)

    // the receipt is the centre's, and the dossier is a line of the centre's register, not the department's
    const receipt = await (await as('tiepnhan.ttpvhcc', 'GET', `/api/desk/dossiers/${code}/slips/receipt`)).text()
    expect(receipt).toContain('Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh')
    const register = (unit: string, user: string) =>
      as(user, 'GET', `/api/desk/units/${unit}/register?from=2025-02-01&to=2025-02-28`).then((r) => r.text())
    expect(await register('TTPVHCC', 'tiepnhan.ttpvhcc')).toContain(code)
    expect(await register('SGTVT', 'tiepnhan.sgtvt')).not.toContain(code)
  })

  it('walks a liên thông dossier from the commune to its district and back, with each unit’s times on the control slip', async () => {
    now = vn('2025-05-12T08:00:00')
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(allowance.definition, {
        procedureCode: allowance.definition.code,
        unitCode: '06649',
        applicant,
        formData: allowance.sample,
      }),
    })
    expect(res.status).toBe(201)
    const { receiptCode: code } = (await res.json()) as { receiptCode: string }
    expect(code.startsWith(`${await electronicId('06649')}-250512-`)).toBe(true)
    await actOk('tiepnhan.06649', code, 'tiep_nhan')
    now = vn('2025-05-12T09:00:00')
    await actOk('chuyenvien.06649', code, 'trinh_ky')
    now = vn('2025-05-12T10:00:00')
    await actOk('lanhdao.06649', code, 'gui_huyen')

    // at the district: in its specialist's queue, out of the commune's; the commune reads it and cannot act
    expect(await queue('chuyenvien.193')).toContain(code)
    expect(await queue('chuyenvien.06649')).not.toContain(code)
    const seenByCommune = await view('chuyenvien.06649', code)
    expect(seenByCommune).toMatchObject({ currentUnitCode: '193', step: { key: 'tham_dinh' }, actions: [] })
    const refused = await act('chuyenvien.06649', code, 'trinh_quyet_dinh')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain(
      'Thành phố Hạ Long',
    )
    // another district neither reads nor acts
    expect((await as('chuyenvien.194', 'GET', `/api/desk/dossiers/${code}`)).status).toBe(403)

    // the citizen still follows one dossier, now at the district
    const tracked = (await (await runtime.app.request(`/api/track/${code}`)).json()) as {
      handlingUnit: { code: string } | null
      timeline: { actionName: { vi: string } }[]
    }
    expect(tracked.handlingUnit).toEqual({ code: '193', name: 'Thành phố Hạ Long' })
    expect(tracked.timeline.map((t) => t.actionName.vi)).toContain('Chuyển hồ sơ đến Thành phố Hạ Long')

    // the district appraises after its 7 working days (late), its chairman signs at once, the result goes back
    now = vn('2025-05-27T10:00:00')
    await actOk('chuyenvien.193', code, 'trinh_quyet_dinh')
    now = vn('2025-05-27T11:00:00')
    await actOk('lanhdao.193', code, 'ky_quyet_dinh')
    expect(await queue('tiepnhan.06649')).toContain(code)
    expect(await queue('lanhdao.193')).not.toContain(code)
    const back = await view('tiepnhan.06649', code)
    expect(back).toMatchObject({ status: 9, currentUnitCode: '06649' })
    expect(hands(back)).toEqual(['handOver 06649→193', 'handBack 193→06649'])
    now = vn('2025-05-28T08:00:00')
    await actOk('tiepnhan.06649', code, 'tra', { deliveryMethod: 'counter' })
    expect((await view('chuyenvien.193', code)).currentUnitCode).toBeNull() // the district still reads it

    const slip = await (await as('tiepnhan.06649', 'GET', `/api/desk/dossiers/${code}/slips/control-slip`)).text()
    const units = [...slip.matchAll(/<tr data-unit="\d+">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
        c[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    )
    expect(units).toEqual([
      [
        '1',
        'Phường Hà Khánh',
        '08 giờ 00 phút, ngày 12/05/2025 Bên giao: Người nộp hồ sơ',
        '10 giờ 00 phút, ngày 12/05/2025 Bên nhận: Thành phố Hạ Long',
        'Trước hạn',
      ],
      [
        '2',
        'Thành phố Hạ Long',
        '10 giờ 00 phút, ngày 12/05/2025 Bên giao: Phường Hà Khánh',
        '11 giờ 00 phút, ngày 27/05/2025 Bên nhận: Phường Hà Khánh',
        'Quá hạn',
      ],
      [
        '3',
        'Phường Hà Khánh',
        '11 giờ 00 phút, ngày 27/05/2025 Bên giao: Thành phố Hạ Long',
        '08 giờ 00 phút, ngày 28/05/2025 Bên nhận: Người nộp hồ sơ',
        '',
      ],
    ])
    expect(slip).toContain('Giao: Phường Hà Khánh<br>Nhận: Thành phố Hạ Long')
  })

  it('reports unit codes and levels only the unit directory knows, at their paths, before publishing', async () => {
    const created = await as('admin', 'POST', `/api/admin/procedures/${allowance.definition.code}/drafts`, {})
    expect(created.status).toBe(201)
    const draft = (await created.json()) as { id: string; definition: typeof allowance.definition }
    const definition = structuredClone(draft.definition)
    definition.steps[3]!.unit = { up: 'thon' } // no such level
    definition.steps[4]!.unit = { up: 'department' } // no department above a commune
    definition.steps[0]!.unit = 'receiving'
    definition.steps[5]!.unit = 'receiving'
    definition.reception = { unit: { code: 'KHONGCO' }, anyUnit: { levels: ['commune', 'ap'] } }
    const saved = (await (await as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition })).json()) as {
      validation: { ok: boolean; issues: { code: string; path: string; message: { vi: string } }[] }
    }
    expect(saved.validation.issues.map((i) => [i.code, i.path])).toEqual([
      ['unit.unknown', '/definition/reception/unit/code'],
      ['unitRef.unknownLevel', '/definition/steps/3/unit/up'],
      ['unitRef.notAbove', '/definition/steps/4/unit/up'],
      ['unitRef.unknownLevel', '/definition/reception/anyUnit/levels/1'],
    ])
    expect(saved.validation.issues[2]!.message.vi).toContain('Hãy ghi một cấp ở trên (district, province)')
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(400)
  })

  it('receives a dossier for another commune at any commune’s counter from 1/7/2025 (Nghị định 118/2025/NĐ-CP)', async () => {
    const token = await signIn(runtime, 'tiepnhan.06649')
    const intake = (receivingUnitCode?: string) =>
      runtime.app.request('/api/desk/intake', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: submissionForm(birth.definition, {
          procedureCode: birth.definition.code,
          unitCode: '06709', // Phường Ka Long, Móng Cái: the applicant’s commune
          ...(receivingUnitCode ? { receivingUnitCode } : {}),
          channel: 1,
          applicant,
          formData: birth.sample,
        }),
      })
    now = vn('2025-06-30T09:00:00')
    const before = await intake('06649')
    expect(before.status).toBe(400)
    expect(await before.text()).toContain('unit.notReceiving')
    now = vn('2025-07-07T08:30:00')
    expect((await intake()).status).toBe(403) // without saying where: Ka Long's own counter, not Hà Khánh's

    const res = await intake('06649')
    expect(res.status, await res.clone().text()).toBe(201)
    const filed = (await res.json()) as { receiptCode: string; unit: { code: string }; receivingUnit: { code: string } }
    expect(filed).toMatchObject({ unit: { code: '06709' }, receivingUnit: { code: '06649' } })
    const code = filed.receiptCode
    expect(code.startsWith(`${await electronicId('06649')}-250707-`)).toBe(true)

    const atResolver = await view('chuyenvien.06709', code)
    expect(atResolver).toMatchObject({ status: 2, receivingUnitCode: '06649', currentUnitCode: '06709' })
    expect(hands(atResolver)).toEqual(['handOver 06649→06709'])
    expect(await queue('chuyenvien.06709')).toContain(code)
    expect((await view('tiepnhan.06649', code)).actions).toEqual([])

    await actOk('chuyenvien.06709', code, await onward('chuyenvien.06709', code))
    await actOk('lanhdao.06709', code, await onward('lanhdao.06709', code))
    const back = await view('tiepnhan.06649', code)
    expect(back).toMatchObject({ status: 9, currentUnitCode: '06649' })
    expect(hands(back)).toEqual(['handOver 06649→06709', 'handBack 06709→06649'])
    await actOk('tiepnhan.06649', code, 'tra_ket_qua', { deliveryMethod: 'counter' })
  })
})
