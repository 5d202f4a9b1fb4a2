import { pluginSettingChanges, units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, openTestRuntime, type TestRuntime } from '../testing'

const SLUG = 'national-portal-sync'
const TOKEN = 'ma-bi-mat-cua-tinh-123'

interface Item {
  slug: string
  name: { vi: string; en: string }
  description: unknown
  configSchema: { properties: Record<string, unknown> }
  secrets: string[]
  own: { enabled: boolean; config: Record<string, unknown>; secretsSet: string[] } | null
  inForce: { enabled: boolean; config: Record<string, unknown>; secretsSet: string[] } | null
  inheritedFrom: string | null
}

// A plugin's settings per unit as the studio's generated form reads them, and a unit going back to inheriting.
describe.each(testDrivers())('plugin settings per unit on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const settingAt = async (user: string, unit: string) => {
    const res = await as(user, 'GET', `/api/admin/units/${unit}/plugins`)
    const text = await res.text()
    expect(res.status, text).toBe(200)
    expect(text).not.toContain(TOKEN)
    return (JSON.parse(text) as Item[]).find((i) => i.slug === SLUG)!
  }
  const unitId = async (code: string) =>
    (await runtime.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    const res = await as('admin', 'PUT', `/api/admin/units/22/plugins/${SLUG}`, {
      enabled: true,
      config: { url: 'https://lgsp.example.vn/dongbo', token: TOKEN, maTinh: '22' },
    })
    expect(res.status).toBe(200)
  })
  afterAll(() => runtime?.close())

  it('describes each plugin for a form, says where the setting in force comes from, and never returns a secret', async () => {
    const ward = await settingAt('quantri.193', '06649')
    expect(ward).toMatchObject({
      name: { vi: 'Đồng bộ Cổng Dịch vụ công quốc gia' },
      secrets: ['token'],
      own: null,
      inForce: {
        enabled: true,
        config: { url: 'https://lgsp.example.vn/dongbo', maTinh: '22' },
        secretsSet: ['token'],
      },
      inheritedFrom: '22',
    })
    expect(Object.keys(ward.configSchema.properties)).toContain('url')
    const province = await settingAt('admin', '22')
    expect(province.own).toEqual(province.inForce)
    expect(province.inheritedFrom).toBeNull()
  })

  it('turns the plugin off for a district and its wards, then back to the province’s setting; both audited', async () => {
    const ward = await unitId('06649')
    const off = await as('quantri.193', 'PUT', `/api/admin/units/193/plugins/${SLUG}`, {
      enabled: false,
      config: { url: 'https://halong.example.vn/dongbo' },
    })
    expect(off.status).toBe(200)
    expect(await settingAt('quantri.193', '06649')).toMatchObject({
      inForce: { enabled: false, config: { url: 'https://halong.example.vn/dongbo' }, secretsSet: [] },
      inheritedFrom: '193',
    })
    expect(await runtime.plugins.configFor(runtime.database.db, SLUG, ward)).toBeUndefined()

    expect((await as('quantri.193', 'DELETE', `/api/admin/units/193/plugins/${SLUG}`)).status).toBe(204)
    expect(await settingAt('quantri.193', '193')).toMatchObject({ own: null, inheritedFrom: '22' })
    expect(await runtime.plugins.configFor(runtime.database.db, SLUG, ward)).toMatchObject({ token: TOKEN })
    // nothing of its own left: still 204, and nothing more recorded
    expect((await as('quantri.193', 'DELETE', `/api/admin/units/193/plugins/${SLUG}`)).status).toBe(204)

    const trail = await runtime.database.db
      .select()
      .from(pluginSettingChanges)
      .where(eq(pluginSettingChanges.unitId, await unitId('193')))
      .orderBy(asc(pluginSettingChanges.id))
    expect(trail.map((t) => [t.before?.enabled ?? null, t.after?.enabled ?? null])).toEqual([
      [null, false],
      [false, null],
    ])
    const all = await runtime.database.db.select().from(pluginSettingChanges)
    expect(JSON.stringify(all)).not.toContain(TOKEN)
    expect(all.find((t) => t.pluginSlug === SLUG && t.after?.secretsSet.includes('token'))).toBeDefined()
  })

  it('lets an administrator remove only its own units’ settings, of plugins that exist', async () => {
    expect((await as('quantri.193', 'DELETE', `/api/admin/units/22/plugins/${SLUG}`)).status).toBe(403)
    expect((await as('tiepnhan.193', 'DELETE', `/api/admin/units/193/plugins/${SLUG}`)).status).toBe(403)
    expect((await as('admin', 'DELETE', '/api/admin/units/193/plugins/khong-co')).status).toBe(404)
    expect((await settingAt('admin', '22')).own).not.toBeNull()
  })
})
