import { DomainError, type Issue, type ProcedureDefinition, validateDefinition } from '@motcua/core'
import { type Db, pgError, procedureDrafts, procedures, units } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { holdsRoleOver } from '../auth/scope'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { publishVersion } from '../procedures/publish'
import { notFoundProcedure } from './procedures'

const ADMINS = ['province_admin', 'unit_admin'] as const

const definitionBody = jsonBody<{ definition: Record<string, unknown>; ownerUnitCode?: string }>(
  {
    type: 'object',
    properties: { definition: { type: 'object' }, ownerUnitCode: { type: 'string', maxLength: 50 } },
    required: ['definition'],
    additionalProperties: false,
  },
  jsonLimits.definition,
)
const fromVersionBody = jsonBody<{ fromVersion?: number }>({
  type: 'object',
  properties: { fromVersion: { type: 'integer', minimum: 1 } },
  additionalProperties: false,
})
const publishBody = jsonBody<{ effectiveFrom?: string }>({
  type: 'object',
  properties: { effectiveFrom: { type: 'string', format: 'date-time' } },
  additionalProperties: false,
})

const under = (prefix: string, issues: Issue[]): Issue[] => issues.map((i) => ({ ...i, path: `${prefix}${i.path}` }))
const validation = (definition: unknown) => {
  const result = validateDefinition(definition)
  return result.ok ? { ok: true, issues: [] } : { ok: false, issues: under('/definition', result.issues) }
}
const notFoundDraft = () => new DomainError('NOT_FOUND', { vi: 'Không tìm thấy bản nháp này.', en: 'No such draft.' })

async function assertAdministers(c: Context<AppEnv>, ownerUnitId: string | null): Promise<void> {
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMINS], ownerUnitId))) throw forbidden()
}

async function loadDraft(c: Context<AppEnv>) {
  const id = c.req.param('id')!
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFoundDraft()
  const [draft] = await c.var.database.db
    .select({ draft: procedureDrafts, code: procedures.code, ownerUnitId: procedures.ownerUnitId })
    .from(procedureDrafts)
    .innerJoin(procedures, eq(procedures.id, procedureDrafts.procedureId))
    .where(eq(procedureDrafts.id, id))
  if (!draft) throw notFoundDraft()
  await assertAdministers(c, draft.ownerUnitId)
  return draft
}

function assertSameCode(definition: Record<string, unknown>, code: string): void {
  if (definition.code !== code) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: `Mã thủ tục của bản nháp phải là ${code}.`, en: `The draft's procedure code must stay ${code}.` },
      [
        {
          code: 'code.changed',
          path: '/definition/code',
          message: { vi: `Mã thủ tục phải là ${code}`, en: `Must be ${code}` },
        },
      ],
    )
  }
}

const draftView = (d: { draft: typeof procedureDrafts.$inferSelect; code: string }) => ({
  id: d.draft.id,
  procedureCode: d.code,
  definition: d.draft.definition,
  updatedAt: d.draft.updatedAt,
  validation: validation(d.draft.definition),
})

/**
 * The studio's API: drafts (new, or from a published version), save, validate, publish (optionally from a
 * date), and the published versions. Administrators act within their units; province-wide procedures
 * belong to the province administrators.
 */
export const authoringRoutes = new Hono<AppEnv>()
  .use('/api/admin/*', requireRole(...ADMINS))
  .post('/api/admin/drafts', async (c) => {
    const { definition, ownerUnitCode } = await definitionBody.read(c)
    const { db } = c.var.database
    let ownerUnitId: string | null = null
    if (ownerUnitCode) {
      const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, ownerUnitCode))
      if (!unit)
        throw new DomainError(
          'INVALID_DATA',
          { vi: `Không có đơn vị mã ${ownerUnitCode}.`, en: `No unit ${ownerUnitCode}.` },
          [
            {
              code: 'unit.unknown',
              path: '/ownerUnitCode',
              message: { vi: 'Đơn vị không tồn tại', en: 'Unknown unit' },
            },
          ],
        )
      ownerUnitId = unit.id
    }
    await assertAdministers(c, ownerUnitId)
    const code = definition.code
    if (typeof code !== 'string' || !code.trim()) {
      throw new DomainError(
        'INVALID_DATA',
        { vi: 'Bản nháp cần có mã thủ tục.', en: 'The draft needs a procedure code.' },
        [
          {
            code: 'required',
            path: '/definition/code',
            message: { vi: 'Vui lòng nhập mã thủ tục', en: 'Enter the procedure code' },
          },
        ],
      )
    }
    const created = await db.transaction(async (tx) => {
      const [procedure] = await tx.insert(procedures).values({ code, ownerUnitId }).onConflictDoNothing().returning()
      if (!procedure)
        throw new DomainError('CONFLICT', {
          vi: `Đã có thủ tục mã ${code}: hãy tạo bản nháp từ thủ tục đó.`,
          en: `Procedure ${code} exists: draft from it instead.`,
        })
      const [draft] = await tx
        .insert(procedureDrafts)
        .values({ procedureId: procedure.id, definition, updatedBy: requirePrincipal(c).userId })
        .returning()
      return { draft: draft!, code }
    })
    return c.json(draftView(created), 201)
  })
  .post('/api/admin/procedures/:code/drafts', async (c) => {
    const code = c.req.param('code')
    const { fromVersion } = await fromVersionBody.read(c)
    const versions = await c.var.registry.versions(code)
    const base = fromVersion ? versions.find((v) => v.version === fromVersion) : versions[0]
    if (!base) throw notFoundProcedure(code)
    await assertAdministers(c, base.ownerUnitId)
    const [draft] = await c.var.database.db
      .insert(procedureDrafts)
      .values({
        procedureId: base.procedureId,
        basedOnVersionId: base.id,
        definition: base.definition,
        updatedBy: requirePrincipal(c).userId,
      })
      .returning()
    return c.json(draftView({ draft: draft!, code }), 201)
  })
  .get('/api/admin/drafts/:id', async (c) => c.json(draftView(await loadDraft(c))))
  .put('/api/admin/drafts/:id', async (c) => {
    const found = await loadDraft(c)
    const { definition } = await definitionBody.read(c)
    assertSameCode(definition, found.code)
    const [draft] = await c.var.database.db
      .update(procedureDrafts)
      .set({ definition, updatedAt: new Date(), updatedBy: requirePrincipal(c).userId })
      .where(eq(procedureDrafts.id, found.draft.id))
      .returning()
    return c.json(draftView({ draft: draft!, code: found.code }))
  })
  .post('/api/admin/drafts/:id/validate', async (c) => c.json(validation((await loadDraft(c)).draft.definition)))
  .post('/api/admin/drafts/:id/publish', async (c) => {
    const found = await loadDraft(c)
    const { effectiveFrom } = await publishBody.read(c)
    const result = validateDefinition(found.draft.definition)
    if (!result.ok) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: 'Bản nháp còn lỗi nên chưa thể ban hành. Hãy sửa các lỗi được chỉ ra.',
          en: 'The draft has problems; fix them before publishing.',
        },
        under('/definition', result.issues),
      )
    }
    assertSameCode(found.draft.definition as Record<string, unknown>, found.code)
    const published = await c.var.database.db
      .transaction(async (tx) => {
        const deleted = await tx
          .delete(procedureDrafts)
          .where(eq(procedureDrafts.id, found.draft.id))
          .returning({ id: procedureDrafts.id })
        if (deleted.length === 0) throw notFoundDraft()
        return publishVersion(tx as unknown as Db, {
          definition: result.definition as ProcedureDefinition,
          publishedBy: requirePrincipal(c).userId,
          ...(effectiveFrom ? { effectiveFrom: new Date(effectiveFrom) } : {}),
        })
      })
      .catch((error: unknown) => {
        if (pgError(error)?.code === '23505') {
          throw new DomainError('CONFLICT', {
            vi: 'Thủ tục vừa được ban hành phiên bản khác. Hãy tải lại rồi thử lại.',
            en: 'Another version was just published; reload and retry.',
          })
        }
        throw error
      })
    c.var.registry.invalidate()
    return c.json({ code: found.code, version: published.version }, 201)
  })
  .get('/api/admin/procedures/:code/versions', async (c) => {
    const code = c.req.param('code')
    const versions = await c.var.registry.versions(code)
    if (!versions.length) throw notFoundProcedure(code)
    await assertAdministers(c, versions[0]!.ownerUnitId)
    return c.json(
      versions.map(({ version, contentHash, publishedAt, effectiveFrom }) => ({
        version,
        contentHash,
        publishedAt,
        effectiveFrom,
      })),
    )
  })
  .get('/api/admin/procedures/:code/versions/:version', async (c) => {
    const code = c.req.param('code')
    const version = (await c.var.registry.versions(code)).find((v) => String(v.version) === c.req.param('version'))
    if (!version) throw notFoundProcedure(code)
    await assertAdministers(c, version.ownerUnitId)
    return c.json({
      code,
      version: version.version,
      contentHash: version.contentHash,
      publishedAt: version.publishedAt,
      effectiveFrom: version.effectiveFrom,
      definition: version.definition,
    })
  })

const admins = [...ADMINS]
export const authoringDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/admin/drafts',
    tag: 'authoring',
    summary: 'A draft of a new procedure (owned by a unit, or province-wide)',
    access: admins,
    body: definitionBody,
    responses: {
      201: 'the draft with its validation',
      400: 'invalid',
      403: 'outside your units',
      409: 'the code exists',
    },
  },
  {
    method: 'post',
    path: '/api/admin/procedures/:code/drafts',
    tag: 'authoring',
    summary: 'A draft from a published version (default: the newest)',
    access: admins,
    body: fromVersionBody,
    responses: { 201: 'the draft', 403: 'outside your units', 404: 'no such procedure or version' },
  },
  {
    method: 'get',
    path: '/api/admin/drafts/:id',
    tag: 'authoring',
    summary: 'A draft and its validation',
    access: admins,
    responses: { 200: 'the draft', 403: 'outside your units', 404: 'no such draft' },
  },
  {
    method: 'put',
    path: '/api/admin/drafts/:id',
    tag: 'authoring',
    summary: 'Save a draft (saved even with problems; they are listed)',
    access: admins,
    body: definitionBody,
    responses: { 200: 'the draft with its validation', 400: 'the code changed', 404: 'no such draft' },
  },
  {
    method: 'post',
    path: '/api/admin/drafts/:id/validate',
    tag: 'authoring',
    summary: 'Validate a draft: every problem with its JSON path, in Vietnamese and English',
    access: admins,
    responses: { 200: '{ok, issues}', 404: 'no such draft' },
  },
  {
    method: 'post',
    path: '/api/admin/drafts/:id/publish',
    tag: 'authoring',
    summary: 'Freeze the draft as the next version, optionally from a date; every runtime process serves it at once',
    access: admins,
    body: publishBody,
    responses: {
      201: '{code, version}',
      400: 'the draft has problems',
      404: 'no such draft',
      409: 'published concurrently',
    },
  },
  {
    method: 'get',
    path: '/api/admin/procedures/:code/versions',
    tag: 'authoring',
    summary: 'Published versions, newest first',
    access: admins,
    responses: { 200: 'versions', 404: 'no such procedure' },
  },
  {
    method: 'get',
    path: '/api/admin/procedures/:code/versions/:version',
    tag: 'authoring',
    summary: 'One published version with its definition',
    access: admins,
    responses: { 200: 'the version', 404: 'no such version' },
  },
]
