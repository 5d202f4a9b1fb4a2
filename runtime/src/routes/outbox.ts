import { DomainError } from '@motcua/core'
import { type Db, dossiers, outbox, outboxChanges, withTransaction } from '@motcua/db'
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'

const STATES = ['pending', 'delivered', 'dead', 'discarded'] as const
type State = (typeof STATES)[number]
const MAX_IDS = 1000

const outboxQuery = queryParams<{ state?: State; plugin?: string; topic?: string; before?: number; limit: number }>({
  type: 'object',
  properties: {
    state: { type: 'string', enum: [...STATES] },
    plugin: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,48}$' },
    topic: { type: 'string', maxLength: 100 },
    before: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 200 },
  },
})
const bulkBody = jsonBody<{ ids: number[] } | { plugin: string }>({
  type: 'object',
  oneOf: [
    {
      properties: {
        ids: {
          type: 'array',
          items: { type: 'integer', minimum: 1 },
          minItems: 1,
          maxItems: MAX_IDS,
          uniqueItems: true,
        },
      },
      required: ['ids'],
      additionalProperties: false,
    },
    {
      properties: { plugin: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,48}$' } },
      required: ['plugin'],
      additionalProperties: false,
    },
  ],
})

type Action = 'requeue' | 'discard'

/** The units whose dossiers' messages the caller administers; `undefined`: every unit (a province administrator). */
async function scopeOf(c: Context<AppEnv>): Promise<string[] | undefined> {
  const principal = requirePrincipal(c)
  if (principal.grants.some((g) => g.role === 'province_admin')) return undefined
  const scope: string[] = []
  for (const g of principal.grants)
    if (g.role === 'unit_admin' && g.unitId) scope.push(...(await c.var.units.subtree(g.unitId)))
  return scope
}

// a dossier's row by its unit; a failure recorded before there was a dossier (a fee hook) by the unit it names
const inScope = (scope: string[] | undefined): SQL | undefined => {
  if (!scope) return undefined
  const unitIds = scope.length ? scope : ['00000000-0000-0000-0000-000000000000']
  return or(
    inArray(dossiers.unitId, unitIds),
    and(isNull(outbox.dossierId), inArray(sql`${outbox.payload}->>'unitId'`, unitIds)),
  )
}

const notDead = (ids: number[]) =>
  new DomainError(
    'CONFLICT',
    {
      vi: `Chỉ gửi lại hoặc bỏ được tin đã hỏng (dead); tin ${ids.slice(0, 20).join(', ')} không ở trạng thái đó.`,
      en: `Only dead messages can be requeued or discarded; ${ids.slice(0, 20).join(', ')} are not dead.`,
    },
    [{ code: 'state', path: '/ids', message: { vi: 'Không phải tin đã hỏng', en: 'Not dead' } }],
  )
const notFound = (ids: number[]) =>
  new DomainError('NOT_FOUND', {
    vi: `Không tìm thấy tin ${ids.slice(0, 20).join(', ')} trong hàng đợi các đơn vị bạn quản trị.`,
    en: `No message ${ids.slice(0, 20).join(', ')} in your units' outbox.`,
  })

/**
 * Requeues (`dead` → `pending`, attempts reset, due now) or discards (`dead` → `discarded`) messages in the caller's
 * scope, each with its audit row, in one transaction: every listed id or none; by plugin, all its dead messages.
 */
async function change(c: Context<AppEnv>, action: Action, target: { ids: number[] } | { plugin: string }) {
  const scope = await scopeOf(c)
  const actor = requirePrincipal(c).userId
  const now = c.var.clock()
  return withTransaction(c.var.database.db, async (tx: Db) => {
    const which = 'ids' in target ? inArray(outbox.id, target.ids) : eq(outbox.pluginSlug, target.plugin)
    const rows = await tx
      .select({ id: outbox.id, state: outbox.state, attempts: outbox.attempts, lastError: outbox.lastError })
      .from(outbox)
      .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
      .where(and(which, 'ids' in target ? undefined : eq(outbox.state, 'dead'), inScope(scope)))
      .orderBy(outbox.id)
      .for('update', { of: outbox })
    if ('ids' in target) {
      const found = new Set(rows.map((r) => r.id))
      const missing = target.ids.filter((id) => !found.has(id))
      if (missing.length) throw notFound(missing)
      const alive = rows.filter((r) => r.state !== 'dead').map((r) => r.id)
      if (alive.length) throw notDead(alive)
    }
    const ids = rows.map((r) => r.id)
    if (ids.length === 0) return []
    await tx
      .update(outbox)
      .set(action === 'requeue' ? { state: 'pending', attempts: 0, nextAttemptAt: now } : { state: 'discarded' })
      .where(inArray(outbox.id, ids))
    await tx.insert(outboxChanges).values(
      rows.map((r) => ({
        outboxId: r.id,
        action,
        at: now,
        actorUserId: actor,
        attempts: r.attempts,
        lastError: r.lastError,
      })),
    )
    return ids
  })
}

const messageId = (c: Context<AppEnv>) => {
  const raw = c.req.param('id') ?? ''
  if (!/^\d{1,15}$/.test(raw)) throw notFound([Number.NaN])
  return Number(raw)
}

const PAST: Record<Action, State> = { requeue: 'pending', discard: 'discarded' }

/** Administrators see the messages to the outside world of their units' dossiers, and requeue or discard dead ones. */
export const outboxRoutes = new Hono<AppEnv>().get('/api/admin/outbox', requireRole(...ADMIN_ROLES), async (c) => {
  const { state, plugin, topic, before, limit } = outboxQuery.read(c)
  const rows = await c.var.database.db
    .select({ message: outbox, receiptCode: dossiers.receiptCode })
    .from(outbox)
    .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
    .where(
      and(
        state ? eq(outbox.state, state) : undefined,
        plugin ? eq(outbox.pluginSlug, plugin) : undefined,
        topic ? eq(outbox.topic, topic) : undefined,
        before ? lt(outbox.id, before) : undefined,
        inScope(await scopeOf(c)),
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(limit)
  return c.json(
    rows.map(({ message: m, receiptCode }) => ({
      id: m.id,
      plugin: m.pluginSlug,
      topic: m.topic,
      receiptCode,
      state: m.state,
      attempts: m.attempts,
      nextAttemptAt: m.nextAttemptAt,
      lastError: m.lastError,
      createdAt: m.createdAt,
      deliveredAt: m.deliveredAt,
      requestId: m.requestId,
    })),
  )
})

outboxRoutes.get('/api/admin/outbox/summary', requireRole(...ADMIN_ROLES), async (c) => {
  const rows = await c.var.database.db
    .select({ plugin: outbox.pluginSlug, state: outbox.state, count: sql<number>`count(*)::int` })
    .from(outbox)
    .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
    .where(inScope(await scopeOf(c)))
    .groupBy(outbox.pluginSlug, outbox.state)
    .orderBy(outbox.pluginSlug, outbox.state)
  return c.json(rows)
})

for (const action of ['requeue', 'discard'] as const) {
  outboxRoutes.post(`/api/admin/outbox/:id/${action}`, requireRole(...ADMIN_ROLES), async (c) => {
    const [id] = await change(c, action, { ids: [messageId(c)] })
    return c.json({ id, state: PAST[action] })
  })
  outboxRoutes.post(`/api/admin/outbox/${action}`, requireRole(...ADMIN_ROLES), async (c) => {
    const ids = await change(c, action, await bulkBody.read(c))
    return c.json({ count: ids.length, ids, state: PAST[action] })
  })
}

const CURSOR = 'newest first; the next page: `before` = the last id listed'
export const outboxDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/outbox',
    tag: 'plugins',
    summary:
      'Messages to the outside world of your units’ dossiers (pending, delivered, dead with the last error, discarded), newest first',
    access: [...ADMIN_ROLES],
    query: [
      { name: 'state', description: 'pending, delivered, dead, discarded' },
      { name: 'plugin', description: 'a plugin’s slug' },
      { name: 'topic', description: 'a message topic, e.g. email or hook.afterAction' },
      { name: 'before', description: `a message id: only older ones (${CURSOR})` },
      { name: 'limit', description: '1–200 (default 200)' },
    ],
    responses: {
      200: '[{id, plugin, topic, receiptCode, state, attempts, nextAttemptAt, lastError, createdAt, deliveredAt, requestId}]',
      400: 'a bad filter, each at /query/<name>',
    },
  },
  {
    method: 'get',
    path: '/api/admin/outbox/summary',
    tag: 'plugins',
    summary: 'How many messages of your units’ dossiers each plugin has in each state',
    access: [...ADMIN_ROLES],
    responses: { 200: '[{plugin, state, count}]' },
  },
  ...(['requeue', 'discard'] as const).flatMap((action): Operation[] => {
    const what =
      action === 'requeue'
        ? 'Requeue a dead message: pending again, attempts reset, due now'
        : 'Discard a dead message: given up for good (discarded)'
    return [
      {
        method: 'post',
        path: `/api/admin/outbox/:id/${action}`,
        tag: 'plugins',
        summary: `${what}; audited (who, when, its attempts and last error)`,
        access: [...ADMIN_ROLES],
        responses: {
          200: `{id, state: ${PAST[action]}}`,
          404: 'no such message in your units',
          409: 'the message is not dead',
        },
      },
      {
        method: 'post',
        path: `/api/admin/outbox/${action}`,
        tag: 'plugins',
        summary: `${what.replace('a dead message', 'dead messages')}: the listed ids (all or none), or every dead message of a plugin in your units; each audited, in one transaction`,
        access: [...ADMIN_ROLES],
        body: bulkBody,
        responses: {
          200: `{count, ids, state: ${PAST[action]}}`,
          400: '{ids: [1–1000 ids]} or {plugin}',
          404: 'an id not in your units (nothing changed)',
          409: 'an id not dead (nothing changed)',
        },
      },
    ]
  }),
]
