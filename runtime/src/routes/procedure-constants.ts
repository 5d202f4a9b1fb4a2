import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers } from '../auth/scope'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { clearConstant, constantViews, setConstant } from '../procedures/constants'
import { notFoundProcedure } from '../procedures/errors'

const constantBody = jsonBody<{ value: number; source: string }>({
  type: 'object',
  properties: {
    value: { type: 'number', minimum: 0, maximum: 1e15, description: 'the new value (VND for an amount)' },
    source: {
      type: 'string',
      minLength: 3,
      maxLength: 500,
      pattern: '\\S',
      description: 'the decision it rests on, e.g. Nghị quyết số …/NQ-HĐND',
    },
  },
  required: ['value', 'source'],
  additionalProperties: false,
})

const KEY = /^[a-z][a-z0-9_]{0,63}$/

const noConstant = (key: string) =>
  new DomainError('NOT_FOUND', { vi: `Không có hằng số "${key}".`, en: `No constant "${key}".` })

/** The published versions of the route's procedure, when the caller administers its owner unit. */
async function administered(c: Parameters<typeof assertAdministers>[0]) {
  const code = c.req.param('code')!
  const versions = await c.var.registry.versions(code)
  if (versions.length === 0) throw notFoundProcedure(code)
  await assertAdministers(c, versions[0]!.ownerUnitId)
  return { code, versions }
}

/**
 * A procedure's named constants (amounts set by the province, e.g. by the HĐND tỉnh): listed, set with their source,
 * or set back to the definition's value, by the administrators of the procedure's owner unit (the province's for
 * the library). New dossiers use the value in force; dossiers already filed keep theirs.
 */
export const procedureConstantsRoutes = new Hono<AppEnv>()
  .use('/api/admin/procedures/:code/constants', requireRole(...ADMIN_ROLES))
  .use('/api/admin/procedures/:code/constants/*', requireRole(...ADMIN_ROLES))
  .get('/api/admin/procedures/:code/constants', async (c) => {
    const { code, versions } = await administered(c)
    const current = (await c.var.registry.current(code, c.var.clock())) ?? versions[0]!
    return c.json(await constantViews(c.var.database.db, current.definition))
  })
  .put('/api/admin/procedures/:code/constants/:key', async (c) => {
    const key = c.req.param('key')
    const { code, versions } = await administered(c)
    if (!KEY.test(key)) throw noConstant(key)
    const { value, source } = await constantBody.read(c)
    // the versions that may still take dossiers: the one in force and any published after it
    const current = await c.var.registry.current(code, c.var.clock())
    const view = await setConstant(c.var.database.db, {
      versions: current ? versions.filter((v) => v.version >= current.version) : versions,
      key,
      value,
      source: source.trim(),
      actorUserId: requirePrincipal(c).userId,
    })
    return c.json(view)
  })
  .delete('/api/admin/procedures/:code/constants/:key', async (c) => {
    const key = c.req.param('key')
    const { code } = await administered(c)
    if (!KEY.test(key)) throw noConstant(key)
    await clearConstant(c.var.database.db, { code, key, actorUserId: requirePrincipal(c).userId })
    return c.body(null, 204)
  })

const admins = [...ADMIN_ROLES]
export const procedureConstantsDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/procedures/:code/constants',
    tag: 'authoring',
    summary: "A procedure's named constants with the value in force and its source",
    access: admins,
    responses: {
      200: '[{key, name, value, source, definitionValue?, updatedAt?}]',
      403: 'outside your units',
      404: 'no such procedure',
    },
  },
  {
    method: 'put',
    path: '/api/admin/procedures/:code/constants/:key',
    tag: 'authoring',
    summary: 'Set a constant for new dossiers (filed dossiers keep theirs), with the decision it rests on; audited',
    access: admins,
    body: constantBody,
    responses: {
      200: 'the constant with the value in force',
      400: 'a bad value or source, or a fee that could go below 0 (fee.mayBeNegative)',
      403: 'outside your units',
      404: 'no such procedure or constant',
    },
  },
  {
    method: 'delete',
    path: '/api/admin/procedures/:code/constants/:key',
    tag: 'authoring',
    summary: "Back to the definition's value for new dossiers; audited",
    access: admins,
    responses: { 204: 'done (also when nothing was set)', 403: 'outside your units', 404: 'no such procedure' },
  },
]
