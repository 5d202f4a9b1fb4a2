import { DomainError, type ProcedureDefinition, vietnamDate, vietnameseDay } from '@motcua/core'
import { withTransaction } from '@motcua/db'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers } from '../auth/scope'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { notFoundProcedure } from '../procedures/errors'
import { publishVersion } from '../procedures/publish'
import { hasStarted, startsOn } from '../procedures/registry'

const withdrawBody = jsonBody<{ withdrawnFrom?: string }>({
  type: 'object',
  properties: {
    withdrawnFrom: {
      type: 'string',
      format: 'date',
      description: 'the first day no new dossier is taken (YYYY-MM-DD, Vietnam time; default today)',
    },
  },
  additionalProperties: false,
})

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * Published versions: the list with the one in force, one version whole, and withdrawing a procedure (bãi bỏ):
 * a new version that ends the last one's effective period, so new dossiers stop from that day while dossiers
 * in flight finish under the version they were filed with.
 */
export const publishedRoutes = new Hono<AppEnv>()
  .use('/api/admin/procedures/*', requireRole(...ADMIN_ROLES))
  .get('/api/admin/procedures/:code/versions', async (c) => {
    const code = c.req.param('code')
    const versions = await c.var.registry.versions(code)
    if (!versions.length) throw notFoundProcedure(code)
    await assertAdministers(c, versions[0]!.ownerUnitId)
    const now = c.var.clock()
    const current = await c.var.registry.current(code, now)
    const latestStarted = versions.find((v) => hasStarted(v, now))
    return c.json(
      versions.map((v) => {
        const { version, contentHash, publishedAt, effectiveFrom, definition } = v
        const starts = startsOn(v)
        const started = hasStarted(v, now)
        const state =
          version === current?.version
            ? 'inForce'
            : !started
              ? 'scheduled'
              : version === latestStarted?.version
                ? 'retired'
                : 'superseded'
        return {
          version,
          contentHash,
          publishedAt,
          effectiveFrom,
          effective: definition.effective,
          inForce: state === 'inForce',
          state,
          ...(state === 'scheduled'
            ? {
                scheduledFrom: starts,
                note: { vi: `Áp dụng từ ngày ${vietnameseDay(starts)}`, en: `Scheduled from ${starts}` },
              }
            : {}),
        }
      }),
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

  .post('/api/admin/procedures/:code/withdraw', async (c) => {
    const code = c.req.param('code')
    const [latest] = await c.var.registry.versions(code)
    if (!latest) throw notFoundProcedure(code)
    await assertAdministers(c, latest.ownerUnitId)
    const { withdrawnFrom = vietnamDate(c.var.clock()) } = await withdrawBody.read(c)
    const { effective } = latest.definition
    if (withdrawnFrom <= effective.from) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: `Ngày bãi bỏ phải sau ngày thủ tục có hiệu lực (${effective.from}).`,
          en: `The procedure took effect on ${effective.from}; withdraw it after that day.`,
        },
        [
          {
            code: 'withdraw.beforeEffective',
            path: '/withdrawnFrom',
            message: { vi: `Phải sau ngày ${effective.from}`, en: `Must be after ${effective.from}` },
          },
        ],
      )
    }
    const definition: ProcedureDefinition = {
      ...latest.definition,
      effective: { ...effective, to: dayBefore(withdrawnFrom) },
    }
    const published = await withTransaction(c.var.database.db, (tx) =>
      publishVersion(tx, { definition, publishedBy: requirePrincipal(c).userId, effectiveFrom: c.var.clock() }),
    )
    c.var.registry.invalidate()
    return c.json({ code, version: published.version, effective: definition.effective }, 201)
  })

const admins = [...ADMIN_ROLES]
export const publishedDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/procedures/:code/versions',
    tag: 'authoring',
    summary: 'Published versions, newest first',
    access: admins,
    responses: {
      200: 'versions, each with `state`: inForce, scheduled (with `scheduledFrom`), superseded or retired',
      404: 'no such procedure',
    },
  },
  {
    method: 'get',
    path: '/api/admin/procedures/:code/versions/:version',
    tag: 'authoring',
    summary: 'One published version with its definition',
    access: admins,
    responses: { 200: 'the version', 404: 'no such version' },
  },
  {
    method: 'post',
    path: '/api/admin/procedures/:code/withdraw',
    tag: 'authoring',
    summary:
      'Withdraw a procedure (bãi bỏ) from a day: a new version ends its effective period; dossiers in flight finish under their own version',
    access: admins,
    body: withdrawBody,
    responses: {
      201: '{code, version, effective}',
      400: 'the day is not after it took effect',
      403: 'outside your units',
      404: 'no such procedure',
    },
  },
]
