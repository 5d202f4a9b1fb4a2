import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, openTestRuntime, type TestRuntime } from '../testing'

interface UnitOffering {
  unit: { code: string; name: string; level: string }
  procedures: {
    code: string
    name: string
    offered: boolean
    by: 'definition' | 'setting'
    setting: { offered: boolean } | null
    reason: { code: string; message: { vi: string } } | null
  }[]
}

const BIRTH = '1.001193' // Đăng ký khai sinh, every commune
const BUILDING = 'QN-GPXD-01' // Cấp giấy phép xây dựng nhà ở riêng lẻ, every district

describe.each(testDrivers())("a unit's procedures, switched on and off, on $name", ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const offeringOf = async (user: string, unit: string) => {
    const res = await as(user, 'GET', `/api/admin/units/${unit}/offering`)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as UnitOffering
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
  })
  afterAll(() => runtime?.close())

  it("lists the commune's procedures, on by their definition, and none of a district's", async () => {
    const view = await offeringOf('admin', '06649')
    expect(view.unit).toMatchObject({ code: '06649', level: 'commune' })
    const birth = view.procedures.find((p) => p.code === BIRTH)
    expect(birth).toMatchObject({ offered: true, by: 'definition', setting: null, reason: null })
    expect(view.procedures.some((p) => p.code === BUILDING)).toBe(false)
    const names = view.procedures.map((p) => p.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
    const district = (await offeringOf('admin', '193')).procedures.map((p) => p.code)
    expect(district).toContain(BUILDING)
    expect(district).not.toContain(BIRTH)
  })

  it("shows a commune administrator's switch at once, with the reason, and only for its own commune", async () => {
    const off = await as('quantri.06649', 'PUT', `/api/admin/procedures/${BIRTH}/offering`, {
      units: [{ unit: '06649', offered: false }],
    })
    expect(off.status, await off.clone().text()).toBe(200)
    const birth = (await offeringOf('quantri.06649', '06649')).procedures.find((p) => p.code === BIRTH)
    expect(birth).toMatchObject({ offered: false, by: 'setting', setting: { offered: false } })
    expect(birth?.reason?.message.vi).toContain('tạm ngừng tiếp nhận')
    // the neighbouring ward still takes it, and is not this administrator's to see
    expect((await offeringOf('admin', '06652')).procedures.find((p) => p.code === BIRTH)?.offered).toBe(true)
    expect((await as('quantri.06649', 'GET', '/api/admin/units/06652/offering')).status).toBe(403)
    expect((await as('tiepnhan.06649', 'GET', '/api/admin/units/06649/offering')).status).toBe(403)
    expect((await as('admin', 'GET', '/api/admin/units/99999/offering')).status).toBe(404)
  })
})
