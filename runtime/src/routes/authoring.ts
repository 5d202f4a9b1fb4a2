import { DomainError, type ProcedureDefinition } from '@motcua/core'
import { pgError, procedureDrafts, withTransaction } from '@motcua/db'
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
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
  createDraft,
  deleteDraft,
  draftView,
  listDrafts,
  loadDraft,
  notFoundDraft,
  ownerUnitIdOf,
} from '../procedures/drafts'
import { notFoundProcedure } from '../procedures/errors'
import { needsFourEyes } from '../procedures/four-eyes'
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

const rejectBody = jsonBody<{ note?: string }>({
  type: 'object',
  properties: { note: { type: 'string', maxLength: 2000, description: 'why, for the requester' } },
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
    return c.json(await createDraft(c, definition, await ownerUnitIdOf(c, ownerUnitCode)), 201)
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
      .where(and(eq(procedureDrafts.id, found.draft.id), isNull(procedureDrafts.approvalRequestedBy)))
      .returning()
    if (!draft) throw awaitingApproval()
    return c.json(await draftView(c, { ...found, draft }))
  })
  .post('/api/admin/drafts/:id/validate', async (c) => c.json(await checkOf(c, await loadDraft(c))))
  .post('/api/admin/drafts/:id/publish', async (c) => {
    const found = await loadDraft(c)
    const { effectiveFrom } = await publishBody.read(c)
    await assertPublishable(c, found)
    const { db } = c.var.database
    if (await needsFourEyes(db, c.var.units, found.ownerUnitId)) {
      if (found.draft.approvalRequestedBy) throw awaitingApproval()
      const principal = requirePrincipal(c)
      const requestedAt = c.var.clock()
      const [requested] = await db
        .update(procedureDrafts)
        .set({
          approvalRequestedBy: principal.userId,
          approvalRequestedAt: requestedAt,
          approvalEffectiveFrom: effectiveFrom ? new Date(effectiveFrom) : null,
          approvalRejection: null,
        })
        .where(and(eq(procedureDrafts.id, found.draft.id), isNull(procedureDrafts.approvalRequestedBy)))
        .returning({ id: procedureDrafts.id })
      if (!requested) throw awaitingApproval()
      return c.json(
        {
          awaitingApproval: true,
          requestedBy: principal.fullName,
          requestedAt,
          effectiveFrom: effectiveFrom ? new Date(effectiveFrom) : null,
        },
        202,
      )
    }
    const version = await publishDraft(c, found, effectiveFrom ? new Date(effectiveFrom) : c.var.clock())
    return c.json({ code: found.code, version }, 201)
  })
  .post('/api/admin/drafts/:id/approve', async (c) => {
    const found = await loadDraft(c)
    const { approvalRequestedBy, approvalRequestedAt, approvalEffectiveFrom } = found.draft
    if (!approvalRequestedBy || !approvalRequestedAt) throw notAwaitingApproval()
    if (approvalRequestedBy === requirePrincipal(c).userId) {
      throw new DomainError('FORBIDDEN', {
        vi: 'Bạn là người đề nghị ban hành bản nháp này nên không thể tự phê duyệt: cần một quản trị viên khác của đơn vị phê duyệt.',
        en: 'You asked to publish this draft: another administrator of the unit must approve it.',
      })
    }
    await assertPublishable(c, found)
    const version = await publishDraft(c, found, approvalEffectiveFrom ?? c.var.clock(), {
      by: approvalRequestedBy,
      at: approvalRequestedAt,
    })
    return c.json({ code: found.code, version }, 201)
  })
  .post('/api/admin/drafts/:id/reject', async (c) => {
    const found = await loadDraft(c)
    const { note } = await rejectBody.read(c)
    const [cleared] = await c.var.database.db
      .update(procedureDrafts)
      .set({
        approvalRequestedBy: null,
        approvalRequestedAt: null,
        approvalEffectiveFrom: null,
        approvalRejection: { userId: requirePrincipal(c).userId, at: c.var.clock().toISOString(), note: note ?? null },
      })
      .where(and(eq(procedureDrafts.id, found.draft.id), isNotNull(procedureDrafts.approvalRequestedBy)))
      .returning()
    if (!cleared) throw notAwaitingApproval()
    return c.json(await draftView(c, { ...found, draft: cleared }))
  })

/** The draft's problems block publishing (and asking to publish): a 400 listing them. */
async function assertPublishable(c: Context<AppEnv>, found: Awaited<ReturnType<typeof loadDraft>>) {
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
}

/**
 * Freezes the draft as its procedure's next version and discards the draft, in one transaction; with
 * `request`, only while that request to publish still stands (not withdrawn, turned down or renewed meanwhile).
 */
async function publishDraft(
  c: Context<AppEnv>,
  found: Awaited<ReturnType<typeof loadDraft>>,
  effectiveFrom: Date,
  request?: { by: string; at: Date },
): Promise<number> {
  const published = await withTransaction(c.var.database.db, async (tx) => {
    const deleted = await tx
      .delete(procedureDrafts)
      .where(
        and(
          eq(procedureDrafts.id, found.draft.id),
          request ? eq(procedureDrafts.approvalRequestedAt, request.at) : undefined,
        ),
      )
      .returning({ id: procedureDrafts.id })
    if (deleted.length === 0) throw request ? notAwaitingApproval() : notFoundDraft()
    return publishVersion(tx, {
      definition: found.draft.definition as ProcedureDefinition,
      publishedBy: requirePrincipal(c).userId,
      requestedBy: request?.by ?? null,
      effectiveFrom,
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
  return published.version
}

const awaitingApproval = () =>
  new DomainError('CONFLICT', {
    vi: 'Bản nháp đang chờ phê duyệt ban hành: không sửa được cho đến khi được phê duyệt hoặc rút lại đề nghị.',
    en: 'The draft is awaiting approval: it cannot change until approved, or the request is withdrawn.',
  })
const notAwaitingApproval = () =>
  new DomainError('CONFLICT', {
    vi: 'Bản nháp này không có đề nghị ban hành nào đang chờ phê duyệt.',
    en: 'This draft is not awaiting approval.',
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
      200: '[{id, procedureCode, name, ownerUnitCode, basedOnVersion, updatedAt, updatedBy, ok, problems, period, awaitingApproval: {requestedBy, requestedByMe, requestedAt, effectiveFrom}|null}]',
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
    responses: {
      200: 'the draft: {id, procedureCode, ownerUnitCode, definition, updatedAt, validation, period, awaitingApproval, lastRejection: {by, at, note}|null}',
      403: 'outside your units',
      404: 'no such draft',
    },
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
      409: 'awaiting approval (withdraw the request first)',
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
    summary:
      'Freeze the draft as the next version, optionally from a date; every runtime process serves it at once. Where the owner unit (the province for province-wide procedures) publishes under four eyes, records a request for another administrator to approve instead',
    access: admins,
    body: publishBody,
    responses: {
      201: '{code, version}',
      202: '{awaitingApproval: true, requestedBy, requestedAt, effectiveFrom}: awaiting another administrator',
      400: 'the draft has problems',
      404: 'no such draft',
      409: 'published concurrently, or already awaiting approval',
    },
  },
  {
    method: 'post',
    path: '/api/admin/drafts/:id/approve',
    tag: 'authoring',
    summary: "Approve another administrator's request to publish a draft: it becomes the next version",
    access: admins,
    responses: {
      201: '{code, version}',
      400: 'the draft has problems',
      403: 'outside your units, or you asked for it yourself',
      404: 'no such draft',
      409: 'not awaiting approval, or published concurrently',
    },
  },
  {
    method: 'post',
    path: '/api/admin/drafts/:id/reject',
    tag: 'authoring',
    summary:
      'Turn down a request to publish (or withdraw your own): the draft can be edited again, with the note in `lastRejection`',
    access: admins,
    body: rejectBody,
    responses: { 200: 'the draft', 403: 'outside your units', 404: 'no such draft', 409: 'not awaiting approval' },
  },
]
