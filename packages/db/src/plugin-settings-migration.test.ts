import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const folder = join(import.meta.dirname, '..', 'migrations')
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.sql'))
  .sort()
const PER_PROCEDURE = files.findIndex((f) => f.startsWith('0020_'))

// Migration 0020: settings become partial overrides, so a unit's setting written before (whole: the nearest one
// won) gets the keys a unit above sets and it left out as removals, and means what it meant.
describe('migration 0020 (plugin settings per procedure)', () => {
  const client = new PGlite({ extensions: { pg_trgm } })
  const run = (file: string) => client.exec(readFileSync(join(folder, file), 'utf8'))
  const unit = async (code: string, level: string, parent: string | null) =>
    (
      await client.query<{ id: string }>(
        `insert into units (code, electronic_id, name, type, level, parent_id, effective_from)
         values ($1, $1, $1, 'x', $2, $3, '2019-12-01') returning id`,
        [code, level, parent],
      )
    ).rows[0]!.id

  beforeAll(async () => {
    for (const file of files.slice(0, PER_PROCEDURE)) await run(file)
    await client.exec(`
      insert into calendars (code, name, office_hours) values ('default', 'x', '{}') on conflict do nothing;
      insert into unit_levels (code, name_vi, name_en, tier) values
        ('province', 'Tỉnh', 'Province', 1), ('district', 'Huyện', 'District', 2), ('commune', 'Xã', 'Commune', 3)
        on conflict do nothing;`)
    const province = await unit('22', 'province', null)
    const district = await unit('193', 'district', province)
    const ward = await unit('06649', 'commune', district)
    await client.query(
      `insert into plugin_settings (unit_id, plugin_slug, enabled, config) values
        ($1, 'dong-bo', true, '{"url": "https://tinh", "maTinh": "22", "token": "t"}'),
        ($2, 'dong-bo', false, '{"url": "https://halong"}'),
        ($3, 'dong-bo', true, '{"url": "https://hakhanh", "maTinh": "99"}'),
        ($3, 'khac', true, '{"a": 1}')`,
      [province, district, ward],
    )
    await run(files[PER_PROCEDURE]!)
  })
  afterAll(() => client.close())

  it('keeps every setting for every procedure, whole: what it left out of the units above is removed', async () => {
    const rows = (
      await client.query<{
        code: string
        plugin_slug: string
        procedure_code: string
        enabled: boolean
        config: unknown
      }>(
        `select u.code, s.plugin_slug, s.procedure_code, s.enabled, s.config
         from plugin_settings s join units u on u.id = s.unit_id order by u.code, s.plugin_slug`,
      )
    ).rows
    expect(rows).toEqual([
      {
        code: '06649',
        plugin_slug: 'dong-bo',
        procedure_code: '',
        enabled: true,
        config: { url: 'https://hakhanh', maTinh: '99', token: null },
      },
      { code: '06649', plugin_slug: 'khac', procedure_code: '', enabled: true, config: { a: 1 } },
      {
        code: '193',
        plugin_slug: 'dong-bo',
        procedure_code: '',
        enabled: false,
        config: { url: 'https://halong', maTinh: null, token: null },
      },
      {
        code: '22',
        plugin_slug: 'dong-bo',
        procedure_code: '',
        enabled: true,
        config: { url: 'https://tinh', maTinh: '22', token: 't' },
      },
    ])
  })

  it('takes a second setting of the same plugin at a unit for one procedure, on/off left to inherit', async () => {
    const [{ id }] = (await client.query<{ id: string }>(`select id from units where code = '06649'`)).rows as [
      { id: string },
    ]
    await client.query(
      `insert into plugin_settings (unit_id, plugin_slug, procedure_code, enabled, config) values ($1, 'dong-bo', '1.001193', null, '{}')`,
      [id],
    )
    expect(
      (await client.query(`select 1 from plugin_settings where unit_id = $1 and plugin_slug = 'dong-bo'`, [id])).rows,
    ).toHaveLength(2)
  })
})
