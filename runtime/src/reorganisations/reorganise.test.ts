import type { ReorganisationReport } from '@motcua/core'
import { consultations, dossierEvents, dossiers, pluginSettings, units, userRoles, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'
import { applyDuePlans } from './scheduler'

const vn = (local: string) => new Date(`${local}+07:00`)
const HOANH_BO = '2020-01-01-hoanh-bo'
const DONG_TRIEU = '2024-11-01-dong-trieu'
const DEPARTMENTS = '2025-03-01-quang-ninh-so-nganh'
const TWO_TIERS = '2025-07-01-quang-ninh-hai-cap'

// what apply does must equal what its preview said
const figures = (r: ReorganisationReport) => ({
  problems: r.problems,
  ending: r.units.ending,
  created: r.units.created,
  dossiers: r.dossiers,
  consultations: r.consultations,
  accounts: r.accounts,
  settings: r.settings,
  calendars: r.calendars,
  procedures: r.procedures,
})

describe.each(testDrivers())('the 2019 structure reorganised to 2025 on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-02-20T09:00:00')
  const { as, act } = asOfficers(() => runtime)
  const admin = (method: string, path: string, body?: unknown) => as('admin', method, path, body)
  const codes: Record<string, string> = {}
  let before: (typeof dossiers.$inferSelect)[] = []
  let preview: ReorganisationReport

  const file = async (folder: string, unit: string) => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(libraryProcedure(folder), unit))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const dossier = async (code: string) =>
    (await runtime.database.db.select().from(dossiers).where(eq(dossiers.receiptCode, code)))[0]!
  const unitOf = async (id: string) => (await runtime.database.db.select().from(units).where(eq(units.id, id)))[0]!

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // filed with the 2019 units: a business at Sở Kế hoạch và Đầu tư, births at a ward, a household business at the city
    codes.business = await file('dang-ky-thanh-lap-doanh-nghiep-tu-nhan', 'SKHDT')
    codes.birth = await file('dang-ky-khai-sinh', '06649')
    expect((await act('tiepnhan.06649', codes.birth, 'tiep_nhan')).status).toBe(200)
    codes.refused = await file('dang-ky-khai-sinh', '06649')
    expect((await act('tiepnhan.06649', codes.refused, 'tu_choi', { reason: 'Thiếu giấy chứng sinh' })).status).toBe(
      200,
    )
    // an investment proposal out for the opinions of three departments, one of which (STNMT) is merged in March
    codes.investment = await file('chap-thuan-chu-truong-dau-tu', 'SKHDT')
    expect((await act('tiepnhan.skhdt', codes.investment, 'tiep_nhan')).status).toBe(200)
    expect((await act('chuyenvien.skhdt', codes.investment, 'gui_lay_y_kien')).status).toBe(200)
    // a monthly allowance whose later steps are the district's: it would stop there once districts end
    codes.allowance = await file('tro-cap-xa-hoi-hang-thang', '06649')
    codes.household = await file('dang-ky-thanh-lap-ho-kinh-doanh', '193')
    expect((await act('tiepnhan.193', codes.household, 'tiep_nhan')).status).toBe(200)
  })
  afterAll(async () => {
    await runtime?.close()
  })

  it('applies the changes of 2020 and 2024 at once, their dates being past', async () => {
    for (const name of [HOANH_BO, DONG_TRIEU]) {
      const res = await admin('POST', '/api/admin/reorganisations/apply', { name })
      expect(res.status).toBe(200)
      expect(((await res.json()) as ReorganisationReport).status).toBe('applied')
    }
    const at = async (day: string) =>
      (await (await runtime.app.request(`/api/units?at=${day}&level=district`)).json()) as { code: string }[]
    expect((await at('2019-12-31')).length).toBe(14)
    expect((await at('2020-01-01')).length).toBe(13)
  })

  it('schedules the departments’ merger for its date and applies it then', async () => {
    const res = await admin('POST', '/api/admin/reorganisations/apply', { name: DEPARTMENTS })
    expect(res.status).toBe(202)
    expect(((await res.json()) as ReorganisationReport).consultations).toBe(1)
    expect((await dossier(codes.business!)).unitId).toBe((await runtime.units.byCode('SKHDT'))!.id)
    now = vn('2025-03-01T00:01:00')
    expect(await applyDuePlans(runtime, now)).toEqual([DEPARTMENTS])
    const moved = await dossier(codes.business!)
    expect((await unitOf(moved.unitId)).code).toBe('STC')
    expect((await unitOf(moved.filedUnitId)).code).toBe('SKHDT')
    // the procedure's new version is the Sở Tài chính's; a definition naming SKHDT reaches it too
    expect((await runtime.registry.current('2.001610', now))!.definition.units).toEqual(['STC'])
    expect((await runtime.units.byCode('SKHDT', '2025-03-02'))!.code).toBe('STC')
    expect(await applyDuePlans(runtime, now)).toEqual([])
    // the opinion asked of Sở Tài nguyên và Môi trường is now Sở Nông nghiệp và Môi trường's to give
    const asked = await runtime.database.db
      .select({ code: units.code })
      .from(consultations)
      .innerJoin(units, eq(units.id, consultations.unitId))
      .where(eq(consultations.dossierId, (await dossier(codes.investment!)).id))
    expect(asked.map((a) => a.code).sort()).toEqual(['SNNMT', 'STC', 'SXD'])
    expect((await unitOf((await dossier(codes.investment!)).unitId)).code).toBe('STC')
  })

  it('previews the two-tier reform: open dossiers, accounts, procedures that move level', async () => {
    now = vn('2025-06-30T10:00:00')
    before = await runtime.database.db.select().from(dossiers).orderBy(asc(dossiers.receiptCode))
    const res = await admin('POST', '/api/admin/reorganisations/preview', { name: TWO_TIERS })
    expect(res.status).toBe(200)
    preview = (await res.json()) as ReorganisationReport
    expect(preview.problems).toEqual([])
    expect(preview.status).toBe('preview')
    expect(preview.units.created).toHaveLength(54)
    expect(preview.dossiers.moves).toEqual(
      expect.arrayContaining([
        { from: { code: '06649', name: 'Phường Hà Khánh' }, to: { code: '06658', name: 'Phường Cao Xanh' }, open: 2 },
        { from: { code: '193', name: 'Thành phố Hạ Long' }, to: { code: '06688', name: 'Phường Hạ Long' }, open: 1 },
      ]),
    )
    expect(preview.dossiers.closedKept).toBeGreaterThanOrEqual(1)
    const stuck = preview.warnings.filter((w) => w.code === 'dossier.levelGone')
    expect(stuck.map((w) => w.message.vi)).toEqual([
      expect.stringMatching(
        /^1 hồ sơ đang giải quyết của “.*trợ cấp xã hội.*” \(phiên bản 1\) có bước giao đơn vị cấp huyện phía trên/i,
      ),
    ])
    expect(preview.accounts).toContainEqual({
      username: 'tiepnhan.06649',
      role: 'receiving_officer',
      from: { code: '06649', name: 'Phường Hà Khánh' },
      to: { code: '06658', name: 'Phường Cao Xanh' },
      alreadyThere: false,
    })
    expect(preview.procedures.replaced.map((p) => [p.code, p.level])).toEqual(
      expect.arrayContaining([['1.001612', 'commune']]),
    )
    // nothing moved
    expect(await runtime.database.db.select().from(dossiers).orderBy(asc(dossiers.receiptCode))).toEqual(before)
  })

  it('applies it in one go: figures as previewed, codes and deadlines kept, every open dossier at a unit in force', async () => {
    now = vn('2025-07-01T07:00:00')
    const res = await admin('POST', '/api/admin/reorganisations/apply', { name: TWO_TIERS })
    expect(res.status).toBe(200)
    const applied = (await res.json()) as ReorganisationReport
    expect(applied.status).toBe('applied')
    expect(figures(applied)).toEqual(figures(preview))

    const after = await runtime.database.db.select().from(dossiers).orderBy(asc(dossiers.receiptCode))
    expect(after.map((d) => [d.receiptCode, d.dueAt, d.status, d.filedUnitId])).toEqual(
      before.map((d) => [d.receiptCode, d.dueAt, d.status, d.filedUnitId]),
    )
    const day = '2025-07-01'
    for (const d of after) {
      const unit = await unitOf(d.unitId)
      if (d.currentStep) {
        expect(unit.effectiveTo).toBeNull()
        expect((await unitOf(d.currentUnitId!)).effectiveTo).toBeNull()
      } else expect(d.unitId).toBe(d.filedUnitId) // an ended dossier stays with (and is reported under) its unit
      expect(unit.effectiveFrom <= day || d.currentStep === null).toBe(true)
    }
    // one event per moved dossier, and no role left at a unit that ended
    const events = await runtime.database.db.select().from(dossierEvents).where(eq(dossierEvents.action, 'reorganise'))
    expect(events.filter((e) => (e.data as { reorganisation: string }).reorganisation === TWO_TIERS)).toHaveLength(
      preview.dossiers.open,
    )
    const leftBehind = await runtime.database.db
      .select({ id: userRoles.id })
      .from(userRoles)
      .innerJoin(units, eq(units.id, userRoles.unitId))
      .where(isNotNull(units.effectiveTo))
    expect(leftBehind).toEqual([])
    const birth = after.find((d) => d.receiptCode === codes.birth)!
    expect((await unitOf(birth.unitId)).name).toBe('Phường Cao Xanh')
    const [last] = await runtime.database.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, birth.id))
      .orderBy(asc(dossierEvents.seq))
      .then((rows) => rows.slice(-1))
    expect(last).toMatchObject({ action: 'reorganise', toStatus: birth.status })
    expect(last!.note).toContain('Phường Hà Khánh')
  })

  it('lets the officers of a merged ward work their dossiers in the new ward’s queue', async () => {
    const [grant] = await runtime.database.db
      .select({ unitId: userRoles.unitId })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(eq(users.username, 'tiepnhan.06649'))
    expect((await unitOf(grant!.unitId!)).name).toBe('Phường Cao Xanh')
    const queue = (await (await as('tiepnhan.06649', 'GET', '/api/desk/dossiers?queue=inProgress')).json()) as {
      items: { receiptCode: string }[]
    }
    expect(queue.items.map((d) => d.receiptCode)).toContain(codes.birth)
    // the specialist of the new ward takes it on; the refused one, ended, is still found at the desk
    expect((await act('chuyenvien.06649', codes.birth!, 'trinh_ky')).status).toBe(200)
    expect((await as('tiepnhan.06649', 'GET', `/api/desk/dossiers/${codes.refused}`)).status).toBe(200)
  })

  it('still finds an old receipt code for the citizen, with the unit it was filed with', async () => {
    const res = await runtime.app.request(`/api/track/${codes.refused}`)
    expect(res.status).toBe(200)
    const tracked = (await res.json()) as { timeline: { action: string; actionName: { vi: string } }[] }
    expect(JSON.stringify(tracked)).toContain('Phường Hà Khánh')
    const birth = (await (await runtime.app.request(`/api/track/${codes.birth}`)).json()) as typeof tracked
    expect(birth.timeline.find((e) => e.action === 'reorganise')).toMatchObject({
      actionName: { vi: 'Chuyển sang Phường Cao Xanh giải quyết do sắp xếp đơn vị hành chính' },
    })
  })

  it('answers the structure of any date, the reused codes naming each period’s unit', async () => {
    const at = async (day: string, query = '') =>
      (await (await runtime.app.request(`/api/units?at=${day}${query}`)).json()) as { code: string; name: string }[]
    expect(await at('2025-06-30', '&level=district')).toHaveLength(13)
    expect(await at('2025-07-01', '&level=district')).toEqual([])
    expect(await at('2025-07-01', '&level=commune')).toHaveLength(54)
    expect((await at('2019-12-31')).find((u) => u.code === '06652')!.name).toBe('Phường Hà Phong')
    expect((await at('2025-07-01')).find((u) => u.code === '06652')!.name).toBe('Phường Hà Tu')
  })

  it('tells where a unit’s work came from and where it went, with the kind of change and its source', async () => {
    const history = async (code: string, day: string) =>
      (await (await runtime.app.request(`/api/units/${code}/history?at=${day}`)).json()) as {
        unit: { name: string }
        predecessors: { code: string; name: string; kind: string }[]
        successors: { code: string; name: string; kind: string; primary: boolean; source: string }[]
      }
    const caoXanh = await history('06658', '2025-07-01')
    expect(caoXanh.unit.name).toBe('Phường Cao Xanh')
    expect(caoXanh.predecessors.map((p) => [p.code, p.name, p.kind])).toEqual([
      ['06649', 'Phường Hà Khánh', 'merge'],
      ['06658', 'Phường Cao Xanh', 'merge'],
    ])
    const haKhanh = await history('06649', '2025-06-30')
    expect(haKhanh.successors).toMatchObject([{ code: '06658', kind: 'merge', primary: true }])
    expect(haKhanh.successors[0]!.source).toContain('1679/NQ-UBTVQH15')
    expect((await runtime.app.request('/api/units/06649/history?at=2025-07-01')).status).toBe(404)
  })

  it('refuses to apply a plan twice, changing nothing', async () => {
    const res = await admin('POST', '/api/admin/reorganisations/apply', { name: TWO_TIERS })
    expect(res.status).toBe(409)
    expect(JSON.stringify(await res.json())).toContain('plan.applied')
  })

  it('sends a household business filed today to the commune, under the post-reform version', async () => {
    now = vn('2025-07-02T09:00:00')
    const code = await file('dang-ky-thanh-lap-ho-kinh-doanh', '06688')
    const filed = await dossier(code)
    expect((await unitOf(filed.unitId)).level).toBe('commune')
    expect((await dossier(codes.household!)).procedureVersionId).toBe(
      before.find((d) => d.receiptCode === codes.household)!.procedureVersionId,
    )
  })

  it('reverses a merger with a plan in the opposite direction', async () => {
    now = vn('2025-07-03T09:00:00')
    codes.haTu = await file('dang-ky-khai-sinh', '06652')
    const source = { t: { title: 'Thử nghiệm' } }
    const unit = (code: string, name: string, i: number) => ({
      code,
      name,
      type: 'Phường',
      level: 'commune',
      parent: '22',
      electronicId: `000.${i}.99.H49`,
      source: 't',
    })
    const merge = {
      name: '2025-08-01-thu-sap-nhap',
      title: 'Thử sáp nhập',
      effectiveDate: '2025-08-01',
      sources: source,
      create: [unit('99001', 'Phường Thử', 1)],
      changes: [{ kind: 'merge', units: ['06652', '06658'], into: '99001', source: 't' }],
    }
    const split = {
      name: '2025-09-01-thu-tach',
      title: 'Thử tách',
      effectiveDate: '2025-09-01',
      sources: source,
      create: [unit('06652', 'Phường Hà Tu', 2), unit('06658', 'Phường Cao Xanh', 3)],
      changes: [{ kind: 'split', unit: '99001', into: ['06652', '06658'], dossiersTo: '06658', source: 't' }],
    }
    // the two wards set a plugin differently: the merged ward keeps the first one's, and the preview says so
    const ward = async (code: string) => (await runtime.units.byCode(code))!.id
    await runtime.database.db.insert(pluginSettings).values([
      { unitId: await ward('06652'), pluginSlug: 'thu-nghiem', config: { url: 'https://ha-tu.example' } },
      { unitId: await ward('06658'), pluginSlug: 'thu-nghiem', config: { url: 'https://cao-xanh.example' } },
    ])
    now = vn('2025-08-01T08:00:00')
    const settings = (
      (await (
        await admin('POST', '/api/admin/reorganisations/preview', { plan: merge })
      ).json()) as ReorganisationReport
    ).settings
    expect(settings.map((x) => [x.from.code, x.to.code, x.key, x.conflict])).toEqual([
      ['06652', '99001', 'thu-nghiem', false],
      ['06658', '99001', 'thu-nghiem', true],
    ])
    expect((await admin('POST', '/api/admin/reorganisations/apply', { plan: merge })).status).toBe(200)
    const [kept] = await runtime.database.db
      .select({ config: pluginSettings.config })
      .from(pluginSettings)
      .where(eq(pluginSettings.unitId, await ward('99001')))
    expect(kept!.config).toEqual({ url: 'https://ha-tu.example' })
    expect((await unitOf((await dossier(codes.haTu)).unitId)).code).toBe('99001')
    now = vn('2025-09-01T08:00:00')
    expect((await admin('POST', '/api/admin/reorganisations/apply', { plan: split })).status).toBe(200)
    expect((await unitOf((await dossier(codes.haTu)).unitId)).name).toBe('Phường Hà Tu')
    expect((await unitOf((await dossier(codes.birth!)).unitId)).name).toBe('Phường Cao Xanh')
    const open = await runtime.database.db
      .select({ effectiveTo: units.effectiveTo })
      .from(dossiers)
      .innerJoin(units, eq(units.id, dossiers.unitId))
      .where(and(isNotNull(dossiers.currentStep), isNotNull(units.effectiveTo)))
    expect(open).toEqual([])
  })

  it('is for the province’s administrators only', async () => {
    expect((await as('tiepnhan.06649', 'GET', '/api/admin/reorganisations')).status).toBe(403)
    expect((await runtime.app.request('/api/admin/reorganisations')).status).toBe(401)
    const list = (await (await admin('GET', '/api/admin/reorganisations')).json()) as { name: string; status: string }[]
    expect(list.find((p) => p.name === TWO_TIERS)).toMatchObject({ status: 'applied' })
  })
})
