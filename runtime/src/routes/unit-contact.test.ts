import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
const centre = {
  address: '  Tầng 1, Trụ sở làm việc (ví dụ kiểm thử)  ',
  openingHours: 'Thứ Hai – Thứ Sáu: 7:30 – 17:00',
  phone: '0203 123 456',
  email: '',
}

describe.each(testDrivers())('a reception unit’s help and contact on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const get = async (path: string) => {
    const res = await runtime.app.request(path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as { unit: { code: string }; contact: Record<string, string> }
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
  })
  afterAll(() => runtime?.close())

  it('is set by the unit’s administrator only, trimmed, blank parts dropped, and checked', async () => {
    expect((await as('quantri.193', 'PUT', '/api/admin/units/TTPVHCC/contact', centre)).status).toBe(403)
    expect((await as('quantri.ttpvhcc', 'PUT', '/api/admin/units/TTPVHCC/contact', { phone: 'gọi tôi' })).status).toBe(
      400,
    )
    expect(
      (await as('quantri.ttpvhcc', 'PUT', '/api/admin/units/TTPVHCC/contact', { email: 'not-an-address' })).status,
    ).toBe(400)
    const saved = await as('quantri.ttpvhcc', 'PUT', '/api/admin/units/TTPVHCC/contact', centre)
    expect(saved.status).toBe(200)
    expect(((await saved.json()) as { contact: unknown }).contact).toEqual({
      address: 'Tầng 1, Trụ sở làm việc (ví dụ kiểm thử)',
      openingHours: 'Thứ Hai – Thứ Sáu: 7:30 – 17:00',
      phone: '0203 123 456',
    })
    const mine = (await (await as('quantri.ttpvhcc', 'GET', '/api/admin/units/TTPVHCC/contact')).json()) as {
      contact: { phone: string }
    }
    expect(mine.contact.phone).toBe('0203 123 456')
  })

  it('is public for a unit, for the unit receiving a procedure’s dossiers, and for a dossier', async () => {
    expect((await get('/api/units/TTPVHCC/contact')).contact.phone).toBe('0203 123 456')
    // a department's procedure: filed with the Sở Tư pháp, received at the provincial centre
    const viaCentre = await get('/api/units/STP/contact?procedure=QN-LLTP-01')
    expect(viaCentre.unit.code).toBe('TTPVHCC')
    expect(viaCentre.contact.openingHours).toContain('7:30')
    // a unit nobody has described: nothing invented
    expect(await get('/api/units/193/contact')).toMatchObject({ unit: { code: '193' }, contact: {} })
    expect((await runtime.app.request('/api/units/NOPE/contact')).status).toBe(404)
    expect((await runtime.app.request('/api/units/193/contact?procedure=%3Cx%3E')).status).toBe(400)

    const filed = await runtime.app.request('/api/dossiers', sampleSubmission(business, '193'))
    const { receiptCode } = (await filed.json()) as { receiptCode: string }
    expect(await get(`/api/track/${receiptCode}/contact`)).toMatchObject({ unit: { code: '193' }, contact: {} })
  })
})
