import { DomainError, matchesQuery, type ProcedureDefinition } from '@motcua/core'
import { units } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import type { PublishedVersion } from '../procedures/registry'

const summary = ({ definition: d, version }: PublishedVersion) => ({
  code: d.code,
  name: d.name,
  nameEn: d.nameEn ?? null,
  level: d.level,
  field: d.field,
  agency: d.agency ?? null,
  onlineMode: d.onlineMode,
  processingTime: d.processingTime,
  version,
})

/** What a citizen must know before starting; the internal workflow (steps, plugins) stays inside. */
const publicDetail = (v: PublishedVersion) => {
  const { steps: _steps, plugins: _plugins, cases, ...rest } = v.definition
  return {
    ...rest,
    cases: cases?.map(({ steps: _s, ...c }) => c),
    version: v.version,
    effectiveFrom: v.effectiveFrom,
  }
}

const offeredBy = (d: ProcedureDefinition, unit: { code: string; level: string }) =>
  d.units?.length ? d.units.includes(unit.code) : d.level === unit.level

const catalogueQuery = queryParams<{ q?: string; level?: string; field?: string; unit?: string; onlineMode?: string }>({
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 100 },
    level: { type: 'string', pattern: '^[a-z_]{1,30}$' },
    field: { type: 'string', maxLength: 100 },
    unit: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,30}$' },
    onlineMode: { enum: ['full', 'partial', 'none'] },
  },
})

// The catalogue is the same for everyone; a minute keeps a newly published version visible soon after.
const CATALOGUE_CACHE = 'public, max-age=60'

export const notFoundProcedure = (code: string) =>
  new DomainError('NOT_FOUND', { vi: `Không tìm thấy thủ tục có mã ${code}.`, en: `No published procedure ${code}.` })

/** `GET /api/procedures` (search and filters) and `GET /api/procedures/:code` (what a citizen fills and brings). */
export const proceduresRoutes = new Hono<AppEnv>()
  .get('/api/procedures', async (c) => {
    const { q, level, field, unit: unitCode, onlineMode } = catalogueQuery.read(c)
    let unit: { code: string; level: string } | undefined
    if (unitCode) {
      ;[unit] = await c.var.database.db
        .select({ code: units.code, level: units.level })
        .from(units)
        .where(eq(units.code, unitCode))
      if (!unit)
        throw new DomainError('NOT_FOUND', {
          vi: `Không tìm thấy đơn vị có mã ${unitCode}.`,
          en: `No unit ${unitCode}.`,
        })
    }
    const list = (await c.var.registry.listCurrent()).filter(
      ({ definition: d }) =>
        (!q || matchesQuery(`${d.name} ${d.code} ${d.field} ${d.nameEn ?? ''}`, q)) &&
        (!level || d.level === level) &&
        (!field || matchesQuery(d.field, field)) &&
        (!onlineMode || d.onlineMode.mode === onlineMode) &&
        (!unit || offeredBy(d, unit)),
    )
    c.header('Cache-Control', CATALOGUE_CACHE)
    return c.json(list.sort((a, b) => a.definition.name.localeCompare(b.definition.name, 'vi')).map(summary))
  })
  .get('/api/procedures/:code', async (c) => {
    const code = c.req.param('code')
    const version = await c.var.registry.current(code)
    if (!version) throw notFoundProcedure(code)
    c.header('Cache-Control', CATALOGUE_CACHE)
    return c.json(publicDetail(version))
  })

export const proceduresDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/procedures',
    tag: 'procedures',
    summary: 'Published procedures in force, searchable without diacritics',
    access: 'public',
    query: [
      { name: 'q', description: 'words of the name, code or field' },
      { name: 'level', description: 'province, district, commune' },
      { name: 'field', description: 'lĩnh vực' },
      { name: 'unit', description: 'a unit code: the procedures it handles' },
      { name: 'onlineMode', description: 'full (toàn trình), partial (một phần), none' },
    ],
    responses: { 200: 'summaries (Cache-Control: public, max-age=60)', 400: 'a bad parameter', 404: 'unknown unit' },
  },
  {
    method: 'get',
    path: '/api/procedures/:code',
    tag: 'procedures',
    summary: 'What a citizen fills and brings: form and UI schema, components, fees, time, legal basis',
    access: 'public',
    responses: { 200: 'the published version in force (Cache-Control: public, max-age=60)', 404: 'no such procedure' },
  },
]
