import { units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed } from './seed'
import { openTestRuntime, type TestRuntime } from './testing'

interface Unit {
  code: string
  name: string
  level: string
  parentCode: string | null
  electronicId: string
}

describe.each(testDrivers())('runtime API on $name', ({ name, open }) => {
  let runtime: TestRuntime
  const get = async <T>(path: string) => {
    const res = await runtime.app.request(path)
    return { status: res.status, body: (await res.json()) as T }
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { demo: false, library: false })
  })
  afterAll(() => runtime?.close())

  it('reports health and which database it runs on', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok', database: name } })
  })

  it('lists the real Quảng Ninh units: the province, 20 departments and the tax office, 14 districts, 186 communes', async () => {
    const { body } = await get<Unit[]>('/api/units')
    const count = (level: string) => body.filter((u) => u.level === level).length
    expect([count('province'), count('department'), count('district'), count('commune')]).toEqual([1, 21, 14, 186])
    expect(body.find((u) => u.code === '06649')).toEqual({
      code: '06649',
      name: 'Phường Hà Khánh',
      type: 'Phường',
      level: 'commune',
      parentCode: '193',
      electronicId: '000.01.21.H49',
    })
    expect(new Set(body.map((u) => u.electronicId)).size).toBe(body.length)
  })

  it('filters by level, parent and words typed without diacritics', async () => {
    expect((await get<Unit[]>('/api/units?parent=207')).body.map((u) => u.name)).toEqual([
      'Thị trấn Cô Tô',
      'Xã Đồng Tiến',
      'Xã Thanh Lân',
    ])
    expect((await get<Unit[]>('/api/units?q=dong trieu&level=district')).body.map((u) => u.code)).toEqual(['205'])
    expect((await get<Unit[]>('/api/units?q=so tu phap')).body.map((u) => u.code)).toEqual(['STP'])
  })

  it('lists only the units in force on the requested date', async () => {
    await runtime.database.db.update(units).set({ effectiveTo: '2025-07-01' }).where(eq(units.code, '207'))
    expect((await get<Unit[]>('/api/units?level=district&at=2025-06-30')).body).toHaveLength(14)
    expect((await get<Unit[]>('/api/units?level=district&at=2025-07-01')).body).toHaveLength(13)
    expect((await get<Unit[]>('/api/units?level=province&at=2019-01-01')).body).toHaveLength(0)
  })

  it('answers a malformed date with a 400 that names the parameter, in Vietnamese and English', async () => {
    const { status, body } = await get<{
      error: { code: string; message: { vi: string }; issues: { path: string }[] }
    }>('/api/units?at=30/04/2025')
    expect(status).toBe(400)
    expect(body.error.code).toBe('INVALID_DATA')
    expect(body.error.message.vi).toMatch(/YYYY-MM-DD/)
    expect(body.error.issues[0]!.path).toBe('/query/at')
  })

  it('answers an unknown route with a JSON 404', async () => {
    expect(await get('/api/nothing-here')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
  })

  it('seeds only once', async () => {
    expect(await seed(runtime.database.db)).toEqual([])
    expect((await get<Unit[]>('/api/units?level=commune')).body).toHaveLength(186)
  })
})
