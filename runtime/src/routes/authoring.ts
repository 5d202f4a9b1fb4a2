import { DomainError, type ProcedureDefinition } from '@motcua/core'
import { pgError, procedureDrafts, procedures, units, withTransaction } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers } from '../auth/scope'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import {
  assertSameCode,
  checkOf,
  deleteDraft,
  draftView,
  listDrafts,
  loadDraft,
  notFoundDraft,
} from '../procedures/drafts'
import { notFoundProcedure } from '../procedures/errors'
import { publishVersion } from '../procedures/publish'

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

const draftsQuery = queryParams<{ q?: string }>({
  type: 'object',
  properties: { q: { type: 'string', maxLength: 100, description: 'words of the name or code' } },
})
/**
 * The studio's drafts: new, or from a published version; listed, saved, validated, deleted, published
 * (optionally from a date). Administrators act within their units: a unit's procedures stay at its level or
 * below and within its units; province-wide procedures belong to the province administrators.
 */
export const authoringRoutes = new Hono<AppEnv>()
  .use('/api/admin/*', requireRole(...ADMIN_ROLES))
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
      return { draft: draft!, code, ownerUnitId }
    })
    return c.json(await draftView(c, created), 201)
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
    return c.json(await draftView(c, { draft: draft!, code, ownerUnitId: base.ownerUnitId }), 201)
  })
  .get('/api/admin/drafts', async (c) => c.json(await listDrafts(c, draftsQuery.read(c).q)))
  .get('/api/admin/drafts/:id', async (c) => c.json(await draftView(c, await loadDraft(c))))
  .delete('/api/admin/drafts/:id', async (c) => {
    await deleteDraft(c.var.database.db, await loadDraft(c))
    return c.body(null, 204)
  })
  .put('/api/admin/drafts/:id', async (c) => {
    const found = await loadDraft(c)
    const { definition } = await definitionBody.read(c)
    assertSameCode(definition, found.code)
    const [draft] = await c.var.database.db
      .update(procedureDrafts)
      .set({ definition, updatedAt: new Date(), updatedBy: requirePrincipal(c).userId })
      .where(eq(procedureDrafts.id, found.draft.id))
      .returning()
    return c.json(await draftView(c, { ...found, draft: draft! }))
  })
  .post('/api/admin/drafts/:id/validate', async (c) => c.json(await checkOf(c, await loadDraft(c))))
  .post('/api/admin/drafts/:id/publish', async (c) => {
    const found = await loadDraft(c)
    const { effectiveFrom } = await publishBody.read(c)
    const { ok, issues } = await checkOf(c, found)
    if (!ok) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: 'Bản nháp còn lỗi nên chưa thể ban hành. Hãy sửa các lỗi được chỉ ra.',
          en: 'The draft has problems; fix them before publishing.',
        },
        issues,
      )
    }
    assertSameCode(found.draft.definition as Record<string, unknown>, found.code)
    const published = await withTransaction(c.var.database.db, async (tx) => {
      const deleted = await tx
        .delete(procedureDrafts)
        .where(eq(procedureDrafts.id, found.draft.id))
        .returning({ id: procedureDrafts.id })
      if (deleted.length === 0) throw notFoundDraft()
      return publishVersion(tx, {
        definition: found.draft.definition as ProcedureDefinition,
        publishedBy: requirePrincipal(c).userId,
        effectiveFrom: effectiveFrom ? new Date(effectiveFrom) : c.var.clock(),
      })
    }).catch((error: unknown) => {
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

const admins = [...ADMIN_ROLES]
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
    path: '/api/admin/drafts',
    tag: 'authoring',
    summary: 'The drafts I may edit, newest first, each with whether it can be published and its `period`',
    access: admins,
    query: [{ name: 'q', description: 'words of the name or code, with or without diacritics' }],
    responses: {
      200: '[{id, procedureCode, name, ownerUnitCode, basedOnVersion, updatedAt, updatedBy, ok, problems}]',
    },
  },
  {
    method: 'delete',
    path: '/api/admin/drafts/:id',
    tag: 'authoring',
    summary: 'Discard a draft; a procedure never published frees its code',
    access: admins,
    responses: { 204: 'deleted', 403: 'outside your units', 404: 'no such draft' },
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
    responses: {
      200: 'the draft with its validation and `period` (scheduled, inForce or retired once published)',
      400: 'the code changed',
      404: 'no such draft',
    },
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
]
