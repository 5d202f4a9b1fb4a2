import { DomainError, diffDefinitions } from '@motcua/core'
import { procedures } from '@motcua/db'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { type AdminProcedureFilter, listAdminProcedures } from '../procedures/admin-list'
import { createDraft, loadDraft, ownerUnitIdOf } from '../procedures/drafts'
import { notFoundProcedure } from '../procedures/errors'
import { libraryOf } from '../procedures/library'

const code = { type: 'string', minLength: 1, maxLength: 50, pattern: '^[0-9A-Za-z._-]+$' }
const ownerUnitCode = { type: 'string', maxLength: 50, description: 'the owner unit; default: province-wide' }

const proceduresQuery = queryParams<AdminProcedureFilter>({
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 100, description: 'words of the name or code, with or without diacritics' },
    level: { type: 'string', maxLength: 30 },
    field: { type: 'string', maxLength: 100 },
    unit: { type: 'string', maxLength: 50, description: 'an owner unit code, with the units below it' },
    state: { type: 'string', enum: ['draft', 'published', 'scheduled', 'retired', 'changes'] },
  },
})
const fromLibraryBody = jsonBody<{ folder: string; code?: string; ownerUnitCode?: string }>({
  type: 'object',
  properties: {
    folder: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'the library folder, from GET /api/admin/library',
    },
    code: { ...code, description: 'the new procedure code; needed when the library code is taken' },
    ownerUnitCode,
  },
  required: ['folder'],
  additionalProperties: false,
})
const copyBody = jsonBody<{ code: string; ownerUnitCode?: string; name?: string }>({
  type: 'object',
  properties: {
    code: { ...code, description: 'the new procedure code' },
    ownerUnitCode,
    name: { type: 'string', minLength: 1, maxLength: 500, description: 'the new name; default: the source’s' },
  },
  required: ['code'],
  additionalProperties: false,
})

const codeTaken = (code: string) =>
  new DomainError(
    'CONFLICT',
    {
      vi: `Mã thủ tục ${code} đã được dùng: hãy chọn một mã mới.`,
      en: `Procedure code ${code} is taken: choose a new code.`,
    },
    [
      {
        code: 'code.taken',
        path: '/code',
        message: { vi: `Mã ${code} đã có; hãy nhập mã mới`, en: `${code} is taken; enter a new code` },
      },
    ],
  )

/**
 * The studio's catalogue of procedures: every procedure the caller administers with where it stands, the
 * procedure library to start from, new procedures copied from the library or from a published procedure, and
 * what a draft changes against the version in force.
 */
export const studioProceduresRoutes = new Hono<AppEnv>()
  .use('/api/admin/*', requireRole(...ADMIN_ROLES))
  .get('/api/admin/procedures', async (c) => c.json({ items: await listAdminProcedures(c, proceduresQuery.read(c)) }))
  .get('/api/admin/library', async (c) => {
    const dir = c.var.proceduresDir
    const entries = dir ? libraryOf(dir) : []
    const taken = new Set(
      (await c.var.database.db.select({ code: procedures.code }).from(procedures)).map((p) => p.code),
    )
    return c.json(
      entries.map(({ folder, definition: d }) => ({
        folder,
        code: d.code,
        name: d.name,
        level: d.level,
        field: d.field,
        taken: taken.has(d.code),
      })),
    )
  })
  .post('/api/admin/drafts/from-library', async (c) => {
    const body = await fromLibraryBody.read(c)
    const dir = c.var.proceduresDir
    const entry = dir ? libraryOf(dir).find((e) => e.folder === body.folder) : undefined
    if (!entry)
      throw new DomainError('NOT_FOUND', {
        vi: `Thư viện không có thủ tục ${body.folder}.`,
        en: `The library has no procedure ${body.folder}.`,
      })
    const definition = { ...structuredClone(entry.definition), ...(body.code ? { code: body.code } : {}) }
    const ownerUnitId = await ownerUnitIdOf(c, body.ownerUnitCode)
    return c.json(await createDraft(c, definition, ownerUnitId, codeTaken), 201)
  })
  .post('/api/admin/procedures/:code/copy', async (c) => {
    const source = c.req.param('code')
    const body = await copyBody.read(c)
    // published definitions are public: any published procedure may be copied, into a unit the caller administers
    const [newest] = await c.var.registry.versions(source)
    if (!newest) throw notFoundProcedure(source)
    const definition = {
      ...structuredClone(newest.definition),
      code: body.code,
      ...(body.name ? { name: body.name } : {}),
    }
    const ownerUnitId = await ownerUnitIdOf(c, body.ownerUnitCode)
    return c.json(await createDraft(c, definition, ownerUnitId, codeTaken), 201)
  })
  .get('/api/admin/drafts/:id/diff', async (c) => {
    const found = await loadDraft(c)
    const versions = await c.var.registry.versions(found.code)
    const against = (await c.var.registry.current(found.code, c.var.clock())) ?? versions[0]
    return c.json({
      against: against ? { version: against.version } : null,
      changes: against ? diffDefinitions(against.definition, found.draft.definition) : [],
    })
  })

const admins = [...ADMIN_ROLES]
export const studioProceduresDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/procedures',
    tag: 'authoring',
    summary:
      'Every procedure I administer, by name: its state (draft: never published; published: a version in force; scheduled: only a later version; retired: withdrawn or its period over), versions, newest draft and its problems',
    access: admins,
    query: [
      { name: 'q', description: 'words of the name or code, with or without diacritics' },
      { name: 'level', description: 'a level code (province, district, commune, department)' },
      { name: 'field', description: 'the field (lĩnh vực), with or without diacritics' },
      { name: 'unit', description: 'an owner unit code: its procedures and those of the units below it' },
      {
        name: 'state',
        description: 'draft, published, scheduled, retired, or changes (a draft over a published procedure)',
      },
    ],
    responses: {
      200: '{items: [{code, name, level, field, ownerUnitCode, ownerUnitName, state, version, scheduled: {version, from}|null, draft: {id, updatedAt, updatedBy, ok, problems, awaitingApproval}|null, unpublishedChanges}]}',
      400: 'a bad parameter',
    },
  },
  {
    method: 'get',
    path: '/api/admin/library',
    tag: 'authoring',
    summary: 'The procedure library this runtime was started with, to start a new procedure from',
    access: admins,
    responses: { 200: '[{folder, code, name, level, field, taken}] (`taken`: a procedure of that code exists)' },
  },
  {
    method: 'post',
    path: '/api/admin/drafts/from-library',
    tag: 'authoring',
    summary: 'A draft of a new procedure from a library procedure, under a new code when its own is taken',
    access: admins,
    body: fromLibraryBody,
    responses: {
      201: 'the draft with its validation (as POST /api/admin/drafts)',
      400: 'invalid, or an unknown unit',
      403: 'outside your units',
      404: 'no such library procedure',
      409: 'the code is taken: choose a new `code`',
    },
  },
  {
    method: 'post',
    path: '/api/admin/procedures/:code/copy',
    tag: 'authoring',
    summary:
      'A draft of a new procedure copied from the newest published version of any procedure (published definitions are public)',
    access: admins,
    body: copyBody,
    responses: {
      201: 'the draft with its validation (as POST /api/admin/drafts)',
      400: 'invalid, or an unknown unit',
      403: 'the owner unit is outside your units',
      404: 'no such published procedure',
      409: 'the new code is taken',
    },
  },
  {
    method: 'get',
    path: '/api/admin/drafts/:id/diff',
    tag: 'authoring',
    summary: 'What publishing the draft would change, against the version in force (else the newest published)',
    access: admins,
    responses: {
      200: '{against: {version}|null, changes: [{path, kind: added|removed|changed, before?, after?, label: {vi, en}}]}',
      403: 'outside your units',
      404: 'no such draft',
    },
  },
]
