import { DomainError, matchesQuery } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { formContributions } from '../plugins/form-contributions'
import type { PluginHost } from '../plugins/plugin-host'
import { blankFormPdf } from '../procedures/blank-form-pdf'
import { withConstantsInForce } from '../procedures/constants'
import { notFoundProcedure, notInForce } from '../procedures/errors'
import { formModule } from '../procedures/form-module'
import { offeringAt } from '../procedures/offering'
import { hasStarted, type ProcedureRegistry, type PublishedVersion, startsOn } from '../procedures/registry'
import { prefillOf } from './prefill'

/** The day a newer version takes over (`scheduled from …`), or null. */
const scheduledFrom = async (registry: ProcedureRegistry, code: string, at: Date) => {
  const next = await registry.scheduled(code, at)
  if (!next) return null
  return { version: next.version, from: startsOn(next) }
}

const summary = ({ definition: d, version }: PublishedVersion) => ({
  code: d.code,
  name: d.name,
  nameEn: d.nameEn ?? null,
  level: d.level,
  field: d.field,
  agency: d.agency ?? null,
  onlineMode: d.onlineMode,
  processingTime: d.processingTime,
  effective: d.effective,
  version,
})

/**
 * What a citizen must know before starting; the internal workflow (steps, plugins) stays inside. The constants
 * carry the values in force (an administrator's, with its source as the note), so fees shown and computed in the
 * form are those a dossier filed now pays.
 */
const publicDetail = (v: PublishedVersion, host: PluginHost, definition = v.definition) => {
  const { steps: _steps, plugins: _plugins, cases, ...rest } = definition
  return {
    ...rest,
    cases: cases?.map(({ steps: _s, ...c }) => c),
    prefill: prefillOf(v, host)?.public ?? null,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
  }
}

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

// A published version never changes, so its blank form is drawn once (by content hash) and kept, the newest few.
const blankForms = new Map<string, Promise<Uint8Array>>()
const BLANK_FORMS_KEPT = 50
function blankFormOf(v: PublishedVersion): Promise<Uint8Array> {
  let pdf = blankForms.get(v.contentHash)
  if (!pdf) {
    pdf = blankFormPdf(v.definition, v.version, v.effectiveFrom)
    pdf.catch(() => blankForms.delete(v.contentHash))
    blankForms.set(v.contentHash, pdf)
    if (blankForms.size > BLANK_FORMS_KEPT) blankForms.delete(blankForms.keys().next().value!)
  }
  return pdf
}

/** `GET /api/procedures` (search and filters) and `GET /api/procedures/:code` (what a citizen fills and brings). */
export const proceduresRoutes = new Hono<AppEnv>()
  .get('/api/procedures', async (c) => {
    const { q, level, field, unit: unitCode, onlineMode } = catalogueQuery.read(c)
    const unit = unitCode ? await c.var.units.byCode(unitCode) : undefined
    if (unitCode && !unit)
      throw new DomainError('NOT_FOUND', {
        vi: `Không tìm thấy đơn vị có mã ${unitCode}.`,
        en: `No unit ${unitCode}.`,
      })
    const now = c.var.clock()
    const offered = new Set<PublishedVersion>()
    const current = await c.var.registry.listCurrent(now)
    const services = { registry: c.var.registry, units: c.var.units, plugins: c.var.plugins, db: c.var.database.db }
    if (unit) for (const v of current) if ((await offeringAt(v, unit, services, now)).offered) offered.add(v)
    const list = current.filter(({ definition: d }) => {
      if (q && !matchesQuery(`${d.name} ${d.code} ${d.field} ${d.nameEn ?? ''}`, q)) return false
      if (field && !matchesQuery(d.field, field)) return false
      return (!level || d.level === level) && (!onlineMode || d.onlineMode.mode === onlineMode)
    })
    const shown = unit ? list.filter((v) => offered.has(v)) : list
    c.header('Cache-Control', CATALOGUE_CACHE)
    const sorted = shown.sort((a, b) => a.definition.name.localeCompare(b.definition.name, 'vi'))
    return c.json(
      await Promise.all(
        sorted.map(async (v) => ({ ...summary(v), scheduled: await scheduledFrom(c.var.registry, v.code, now) })),
      ),
    )
  })
  .get('/api/procedures/:code', async (c) => {
    const code = c.req.param('code')
    const now = c.var.clock()
    const version = await c.var.registry.current(code, now)
    if (!version) throw await notInForce(c.var.registry, code, now, 'lookup')
    c.header('Cache-Control', CATALOGUE_CACHE)
    return c.json({
      ...publicDetail(version, c.var.plugins, await withConstantsInForce(c.var.database.db, version.definition)),
      ...formContributions(c.var.plugins, version.definition),
      scheduled: await scheduledFrom(c.var.registry, code, now),
    })
  })
  .get('/api/procedures/:code/blank-form.pdf', async (c) => {
    const code = c.req.param('code')
    const now = c.var.clock()
    const version = await c.var.registry.current(code, now)
    if (!version) throw await notInForce(c.var.registry, code, now, 'lookup')
    const etag = `"${version.contentHash}"`
    c.header('Cache-Control', CATALOGUE_CACHE)
    c.header('ETag', etag)
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304)
    const pdf = await blankFormOf(version)
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `attachment; filename="to-khai-${version.code}-v${version.version}.pdf"`)
    return c.body(pdf as Uint8Array<ArrayBuffer>)
  })
  .get('/api/procedures/:code/prefill', async (c) => {
    const { unit: unitCode } = prefillQuery.read(c)
    if (!unitCode) {
      const message = { vi: 'Hãy cho biết đơn vị nhận hồ sơ (unit).', en: 'Say which unit (unit).' }
      throw new DomainError('INVALID_DATA', message, [{ code: 'required', path: '/query/unit', message }])
    }
    const code = c.req.param('code')
    const now = c.var.clock()
    const version = await c.var.registry.current(code, now)
    if (!version) throw await notInForce(c.var.registry, code, now, 'lookup')
    const unit = await c.var.units.byCode(unitCode)
    if (!unit)
      throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy đơn vị có mã ${unitCode}.`, en: `No unit ${unitCode}.` })
    const prefill = prefillOf(version, c.var.plugins)
    const enabled =
      !!prefill &&
      !!(await c.var.plugins.configFor(
        c.var.database.db,
        prefill.use.slug,
        unit.id,
        version.code,
        version.definition.plugins,
      ))
    c.header('Cache-Control', CATALOGUE_CACHE)
    return c.json({ enabled })
  })
  .get('/api/procedures/:code/versions/:version/validator.js', async (c) => {
    const code = c.req.param('code')
    const now = c.var.clock()
    // a version whose start has come: one filled today or before (a version scheduled for later stays unseen)
    const version = (await c.var.registry.versions(code)).find(
      (v) => String(v.version) === c.req.param('version') && hasStarted(v, now),
    )
    if (!version) throw notFoundProcedure(code)
    const module = formModule(version, formContributions(c.var.plugins, version.definition).formats)
    const headers: Record<string, string> = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': IMMUTABLE,
      ETag: module.etag,
      Vary: 'Accept-Encoding',
    }
    if (c.req.header('If-None-Match') === module.etag) return c.body(null, 304, headers)
    const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')
    if (gzip) headers['Content-Encoding'] = 'gzip'
    const body = gzip ? module.gzip : module.body
    return c.body(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer, 200, headers)
  })

// A version's validators never change: the browser keeps them a year, and asks again only after an upgrade of motcua
// changes them (a new ETag).
const IMMUTABLE = 'public, max-age=31536000, immutable'

const prefillQuery = queryParams<{ unit?: string }>({
  type: 'object',
  properties: { unit: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,30}$' } },
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
    responses: {
      200: 'summaries of the versions in force today, each with `scheduled` ({version, from} of a version taking over later, or null) (Cache-Control: public, max-age=60)',
      400: 'a bad parameter',
      404: 'unknown unit',
    },
  },
  {
    method: 'get',
    path: '/api/procedures/:code',
    tag: 'procedures',
    summary:
      'What a citizen fills and brings: form and UI schema (with the plugins’ formats and widgets it uses: `formats`, `widgets`), components, fees and the constants they read (values in force), time, legal basis',
    access: 'public',
    responses: {
      200: 'the published version in force, with `scheduled` (Cache-Control: public, max-age=60)',
      404: 'no such procedure, or not in force: retired, withdrawn or not yet in force (the message says which and from when)',
    },
  },
  {
    method: 'get',
    path: '/api/procedures/:code/blank-form.pdf',
    tag: 'procedures',
    summary:
      'The blank paper form (tờ khai) of the version in force, to print and fill by hand: A4 PDF drawn from the form schema, with the declaration and signature block',
    access: 'public',
    responses: {
      200: 'application/pdf (Cache-Control: public, max-age=60; ETag: the version’s content hash)',
      304: 'not modified (If-None-Match)',
      404: 'no such procedure in force',
    },
  },
  {
    method: 'get',
    path: '/api/procedures/:code/prefill',
    tag: 'procedures',
    summary: 'Whether a unit pre-fills this procedure’s form (its `prefill` plugin enabled there)',
    access: 'public',
    query: [{ name: 'unit', description: 'the unit the dossier goes to (required)' }],
    responses: {
      200: '`{ enabled }` (Cache-Control: public, max-age=60)',
      400: 'no or a bad unit code',
      404: 'no such procedure in force, or no such unit',
    },
  },
  {
    method: 'get',
    path: '/api/procedures/:code/versions/:version/validator.js',
    tag: 'procedures',
    summary:
      'The form validators of a published version, precompiled by ajv on the server: an ES module (text/javascript) whose default export takes the format functions and returns @rjsf’s validator functions, so the portal validates without compiling code (no `unsafe-eval` in its CSP)',
    access: 'public',
    responses: {
      200: 'the module (Cache-Control: public, max-age=31536000, immutable; ETag)',
      304: 'unchanged (If-None-Match)',
      404: 'no such procedure or version, or a version not yet in force',
    },
  },
]
