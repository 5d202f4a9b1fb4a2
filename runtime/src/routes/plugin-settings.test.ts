import { pluginSettingChanges, units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, openTestRuntime, type TestRuntime } from '../testing'

const SLUG = 'national-portal-sync'
const TOKEN = 'ma-bi-mat-cua-tinh-123'
const BIRTH = '1.001193' // Đăng ký khai sinh
const DEATH = '1.000656' // Đăng ký khai tử
const WARD = '06649' // Phường Hà Khánh, in Hạ Long (193), in Quảng Ninh (22)

interface Source {
  unitCode: string | null
  procedureCode: string
}
interface InForce {
  procedureCode: string
  procedureName: string | null
  enabled: boolean
  enabledFrom: Source | null
  config: Record<string, unknown>
  secretsSet: string[]
  from: Record<string, Source>
  runs: boolean
  problems: { path: string; message: { vi: string } }[]
}
interface Item {
  slug: string
  configSchema: { properties: Record<string, unknown> }
  secrets: string[]
  own: { procedureCode: string; enabled: boolean | null; config: Record<string, unknown>; secretsSet: string[] }[]
  inForce: InForce[]
}

// A plugin's settings per unit and per procedure, each a partial override of what the unit inherits.
describe.each(testDrivers())('plugin settings per unit and procedure on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const settingAt = async (user: string, unit: string) => {
    const res = await as(user, 'GET', `/api/admin/units/${unit}/plugins`)
    const text = await res.text()
    expect(res.status, text).toBe(200)
    expect(text).not.toContain(TOKEN)
    return (JSON.parse(text) as Item[]).find((i) => i.slug === SLUG)!
  }
  const inForce = async (unit: string, procedure = '') =>
    (await settingAt('admin', unit)).inForce.find((f) => f.procedureCode === procedure)
  const unitId = async (code: string) =>
    (await runtime.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id
  const configAt = async (unit: string, procedure: string) =>
    runtime.plugins.configFor(runtime.database.db, SLUG, await unitId(unit), procedure)
  const put = (user: string, unit: string, body: unknown, procedure?: string) =>
    as(user, 'PUT', `/api/admin/units/${unit}/plugins/${SLUG}${procedure ? `?procedure=${procedure}` : ''}`, body)
  const remove = (user: string, unit: string, procedure?: string) =>
    as(user, 'DELETE', `/api/admin/units/${unit}/plugins/${SLUG}${procedure ? `?procedure=${procedure}` : ''}`)

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    const res = await put('admin', '22', {
      enabled: true,
      config: { url: 'https://lgsp.example.vn/dongbo', token: TOKEN, maTinh: '22' },
    })
    expect(res.status).toBe(200)
  })
  afterAll(() => runtime?.close())

  it('shows a ward what it inherits and from which unit, and never returns a secret', async () => {
    const ward = await settingAt('quantri.193', WARD)
    expect(ward.secrets).toEqual(['token'])
    expect(Object.keys(ward.configSchema.properties)).toContain('url')
    expect(ward.own).toEqual([])
    expect(ward.inForce).toMatchObject([
      {
        procedureCode: '',
        procedureName: null,
        enabled: true,
        enabledFrom: { unitCode: '22', unitName: 'Tỉnh Quảng Ninh', procedureCode: '' },
        config: { url: 'https://lgsp.example.vn/dongbo', maTinh: '22' },
        secretsSet: ['token'],
        from: {
          url: { unitCode: '22', procedureCode: '' },
          token: { unitCode: '22', procedureCode: '' },
          maTinh: { unitCode: '22', procedureCode: '' },
        },
        runs: true,
        problems: [],
      },
    ])
    const province = await settingAt('admin', '22')
    expect(province.own).toEqual([
      {
        procedureCode: '',
        procedureName: null,
        enabled: true,
        config: { url: 'https://lgsp.example.vn/dongbo', maTinh: '22' },
        secretsSet: ['token'],
      },
    ])
  })

  it('overrides one key at Hạ Long, the rest still the province’s, the secret kept', async () => {
    expect((await put('quantri.193', '193', { config: { url: 'https://halong.example.vn/dongbo' } })).status).toBe(200)
    const ward = (await inForce(WARD))!
    expect(ward).toMatchObject({
      enabled: true,
      enabledFrom: { unitCode: '22' },
      config: { url: 'https://halong.example.vn/dongbo', maTinh: '22' },
      from: { url: { unitCode: '193' }, maTinh: { unitCode: '22' }, token: { unitCode: '22' } },
    })
    expect((await settingAt('quantri.193', '193')).own).toEqual([
      {
        procedureCode: '',
        procedureName: null,
        enabled: null,
        config: { url: 'https://halong.example.vn/dongbo' },
        secretsSet: [],
      },
    ])
    expect(await configAt(WARD, BIRTH)).toEqual({ url: 'https://halong.example.vn/dongbo', maTinh: '22', token: TOKEN })
  })

  it('disables without re-entering the config, re-enables, and goes back to inheriting; each audited', async () => {
    expect((await put('quantri.193', '193', { enabled: false })).status).toBe(200)
    expect(await inForce(WARD)).toMatchObject({
      enabled: false,
      enabledFrom: { unitCode: '193' },
      config: { url: 'https://halong.example.vn/dongbo' },
      runs: false,
    })
    expect(await configAt(WARD, BIRTH)).toBeUndefined()
    // back on: the config stayed
    expect((await put('quantri.193', '193', { enabled: true })).status).toBe(200)
    expect(await configAt(WARD, BIRTH)).toMatchObject({ url: 'https://halong.example.vn/dongbo' })

    expect((await remove('quantri.193', '193')).status).toBe(204)
    expect((await settingAt('quantri.193', '193')).own).toEqual([])
    expect(await configAt(WARD, BIRTH)).toMatchObject({ url: 'https://lgsp.example.vn/dongbo', token: TOKEN })
    // nothing of its own left: still 204, and nothing more recorded
    expect((await remove('quantri.193', '193')).status).toBe(204)

    const trail = await runtime.database.db
      .select()
      .from(pluginSettingChanges)
      .where(eq(pluginSettingChanges.unitId, await unitId('193')))
      .orderBy(asc(pluginSettingChanges.id))
    expect(trail.map((t) => [t.procedureCode, t.before?.enabled, t.after?.enabled])).toEqual([
      ['', undefined, null],
      ['', null, false],
      ['', false, true],
      ['', true, undefined],
    ])
    const all = await runtime.database.db.select().from(pluginSettingChanges)
    expect(JSON.stringify(all)).not.toContain(TOKEN)
  })

  it('enables for one procedure of one ward, overriding one field, and shows it beside the unit-wide one', async () => {
    expect((await put('admin', '22', { enabled: false })).status).toBe(200)
    const saved = await put('quantri.06649', WARD, { enabled: true, config: { maTinh: '99' } }, BIRTH)
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect(await saved.json()).toMatchObject({ procedureCode: BIRTH, enabled: true, inForce: true })

    expect(await configAt(WARD, BIRTH)).toEqual({ url: 'https://lgsp.example.vn/dongbo', maTinh: '99', token: TOKEN })
    expect(await configAt(WARD, DEATH)).toBeUndefined()
    expect(await configAt('06652', BIRTH)).toBeUndefined()

    const ward = await settingAt('quantri.06649', WARD)
    expect(ward.own).toEqual([
      {
        procedureCode: BIRTH,
        procedureName: 'Đăng ký khai sinh',
        enabled: true,
        config: { maTinh: '99' },
        secretsSet: [],
      },
    ])
    expect(ward.inForce.map((f) => [f.procedureCode, f.enabled, f.runs])).toEqual([
      ['', false, false],
      [BIRTH, true, true],
    ])
    expect(ward.inForce[1]!.from).toMatchObject({
      url: { unitCode: '22', procedureCode: '' },
      token: { unitCode: '22', procedureCode: '' },
      maTinh: { unitCode: WARD, procedureCode: BIRTH },
    })
    expect(ward.inForce[1]!.enabledFrom).toMatchObject({ unitCode: WARD, procedureCode: BIRTH })
    // what a form shows as inherited: the ward's birth setting left out
    expect(ward.inForce[1]).toMatchObject({
      inherited: {
        enabled: false,
        config: { maTinh: '22' },
        from: { maTinh: { unitCode: '22', unitName: 'Tỉnh Quảng Ninh' } },
      },
    })
    // Hạ Long sees the province's setting only: the ward's is below it
    expect((await settingAt('quantri.193', '193')).inForce.map((f) => f.procedureCode)).toEqual([''])

    expect((await remove('quantri.06649', WARD, BIRTH)).status).toBe(204)
    expect(await configAt(WARD, BIRTH)).toBeUndefined()
    const [last] = await runtime.database.db
      .select()
      .from(pluginSettingChanges)
      .orderBy(asc(pluginSettingChanges.id))
      .then((rows) => rows.slice(-1))
    expect(last).toMatchObject({
      procedureCode: BIRTH,
      before: { enabled: true, config: { maTinh: '99' } },
      after: null,
    })
  })

  it('checks an override on its own and what it puts in force, each problem at its path, in Vietnamese', async () => {
    const bad = await put('admin', '193', { config: { maTinh: 'QN', khac: 1 } }, BIRTH)
    expect(bad.status).toBe(400)
    const issues = ((await bad.json()) as { error: { issues: { path: string; message: { vi: string } }[] } }).error
      .issues
    expect(issues.map((i) => i.path).sort()).toEqual(['/config/khac', '/config/maTinh'])
    // on, with the url removed (null) and none set below: the configuration in force lacks a required field
    const missing = await put('admin', '193', { enabled: true, config: { url: null } }, BIRTH)
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({
      error: { issues: [{ code: 'required', path: '/config/url', message: { vi: expect.any(String) } }] },
    })
    // the same, off: kept as written
    expect((await put('admin', '193', { enabled: false, config: { url: null } }, BIRTH)).status).toBe(200)
    expect((await put('admin', '193', { enabled: 'yes' })).status).toBe(400)
    expect((await put('admin', '193', { enabled: true, extra: 1 })).status).toBe(400)
    expect((await remove('admin', '193', BIRTH)).status).toBe(204)
  })

  it('does not run a setting whose configuration no longer satisfies the schema, and says why', async () => {
    // the ward turns it on for itself; then the province, off, removes the url the ward relied on
    expect((await put('quantri.06649', WARD, { enabled: true })).status).toBe(200)
    expect(await configAt(WARD, DEATH)).toMatchObject({ url: 'https://lgsp.example.vn/dongbo' })
    expect((await put('admin', '22', { config: { maTinh: '22' } })).status).toBe(200)
    expect(await configAt(WARD, DEATH)).toBeUndefined()
    expect(await inForce(WARD)).toMatchObject({
      enabled: true,
      runs: false,
      problems: [{ path: '/config/url', message: { vi: expect.any(String) } }],
    })
    // the token was kept though the province's config was written again without it
    expect((await inForce(WARD))!.secretsSet).toEqual(['token'])
    expect((await remove('quantri.06649', WARD)).status).toBe(204)
  })

  it('refuses an unknown procedure clearly, and keeps administrators within their units', async () => {
    const unknown = await put('admin', '193', { enabled: true }, '9.999999')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { message: { vi: expect.stringContaining('9.999999') } } })
    expect((await remove('admin', '193', '9.999999')).status).toBe(404)
    expect((await remove('quantri.193', '22')).status).toBe(403)
    expect((await put('quantri.193', '06709', { enabled: true }, BIRTH)).status).toBe(403)
    expect((await put('quantri.06649', '06652', { enabled: true })).status).toBe(403)
    expect((await remove('tiepnhan.193', '193')).status).toBe(403)
    expect((await as('admin', 'DELETE', '/api/admin/units/193/plugins/khong-co')).status).toBe(404)
    expect((await settingAt('admin', '22')).own).toHaveLength(1)
  })
})
