import { DomainError, dossierStatuses } from '@motcua/core'
import { dossiers, formDrafts, procedureVersions, units, users } from '@motcua/db'
import { and, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { lookupPin } from '../auth/instance-secret'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { notInForce, whyNotInForce } from '../procedures/errors'

const draftBody = jsonBody<{ formData: Record<string, unknown> }>(
  {
    type: 'object',
    properties: { formData: { type: 'object' } },
    required: ['formData'],
    additionalProperties: false,
  },
  jsonLimits.form,
)

/** A signed-in citizen's own details, their dossiers (with their PINs) and the forms they are filling. */
export const citizenRoutes = (secret: string) =>
  new Hono<AppEnv>()
    // what the portal pre-fills in the citizen's forms: only what the account holds, only for its owner
    .get('/api/me', requireRole('citizen'), async (c) => {
      const [user] = await c.var.database.db
        .select({ fullName: users.fullName, idNumber: users.idNumber, phone: users.phone, email: users.email })
        .from(users)
        .where(eq(users.id, requirePrincipal(c).userId))
      if (!user) throw new DomainError('NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'No such account.' })
      return c.json(Object.fromEntries(Object.entries(user).filter(([, value]) => value)))
    })
    .get('/api/me/dossiers', requireRole('citizen'), async (c) => {
      const rows = await c.var.database.db
        .select({ dossier: dossiers, definition: procedureVersions.definition, unitName: units.name })
        .from(dossiers)
        .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
        .innerJoin(units, eq(units.id, dossiers.unitId))
        .where(eq(dossiers.applicantUserId, requirePrincipal(c).userId))
        .orderBy(desc(dossiers.submittedAt))
      return c.json(
        rows.map(({ dossier: d, definition, unitName }) => ({
          receiptCode: d.receiptCode,
          pin: lookupPin(secret, d.id),
          procedure: { code: definition.code, name: definition.name },
          unitName,
          status: d.status,
          statusName: dossierStatuses[d.status as keyof typeof dossierStatuses],
          submittedAt: d.submittedAt,
          dueAt: d.dueAt,
        })),
      )
    })
    .get('/api/me/drafts', requireRole('citizen'), async (c) => {
      const rows = await c.var.database.db
        .select()
        .from(formDrafts)
        .where(eq(formDrafts.userId, requirePrincipal(c).userId))
        .orderBy(desc(formDrafts.updatedAt))
      // a draft of a procedure retired (or not yet in force) since it was saved says so instead of leading to a refusal
      const now = c.var.clock()
      return c.json(
        await Promise.all(
          rows.map(async ({ procedureCode, formData, updatedAt }) => {
            const inForce = !!(await c.var.registry.current(procedureCode, now))
            const notice = inForce ? null : ((await whyNotInForce(c.var.registry, procedureCode, now))?.message ?? null)
            return { procedureCode, formData, updatedAt, inForce, notice }
          }),
        ),
      )
    })
    .get('/api/me/drafts/:procedureCode', requireRole('citizen'), async (c) => {
      const [row] = await c.var.database.db
        .select()
        .from(formDrafts)
        .where(
          and(
            eq(formDrafts.userId, requirePrincipal(c).userId),
            eq(formDrafts.procedureCode, c.req.param('procedureCode')),
          ),
        )
      if (!row)
        throw new DomainError('NOT_FOUND', {
          vi: 'Chưa có bản lưu tạm cho thủ tục này.',
          en: 'No saved draft for this procedure.',
        })
      return c.json({ procedureCode: row.procedureCode, formData: row.formData, updatedAt: row.updatedAt })
    })
    .put('/api/me/drafts/:procedureCode', requireRole('citizen'), async (c) => {
      const procedureCode = c.req.param('procedureCode')
      if (!(await c.var.registry.current(procedureCode, c.var.clock())))
        throw await notInForce(c.var.registry, procedureCode, c.var.clock(), 'lookup')
      const { formData } = await draftBody.read(c)
      const userId = requirePrincipal(c).userId
      const updatedAt = new Date()
      await c.var.database.db
        .insert(formDrafts)
        .values({ userId, procedureCode, formData, updatedAt })
        .onConflictDoUpdate({ target: [formDrafts.userId, formDrafts.procedureCode], set: { formData, updatedAt } })
      return c.json({ procedureCode, formData, updatedAt })
    })
    .delete('/api/me/drafts/:procedureCode', requireRole('citizen'), async (c) => {
      await c.var.database.db
        .delete(formDrafts)
        .where(
          and(
            eq(formDrafts.userId, requirePrincipal(c).userId),
            eq(formDrafts.procedureCode, c.req.param('procedureCode')),
          ),
        )
      return c.body(null, 204)
    })

const citizen = ['citizen']
export const citizenDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/me',
    tag: 'citizen',
    summary: 'My own details as the account holds them, for the forms to pre-fill',
    access: citizen,
    responses: { 200: '{fullName, idNumber?, phone?, email?}', 401: 'not signed in', 403: 'not a citizen account' },
  },
  {
    method: 'get',
    path: '/api/me/dossiers',
    tag: 'citizen',
    summary: 'My dossiers, newest first',
    access: citizen,
    responses: { 200: 'dossiers', 401: 'not signed in', 403: 'not a citizen account' },
  },
  {
    method: 'get',
    path: '/api/me/drafts',
    tag: 'citizen',
    summary: 'My saved form drafts, each saying whether its procedure still takes dossiers (`inForce`, `notice`)',
    access: citizen,
    responses: { 200: 'drafts', 401: 'not signed in' },
  },
  {
    method: 'get',
    path: '/api/me/drafts/:procedureCode',
    tag: 'citizen',
    summary: 'My saved form for a procedure',
    access: citizen,
    responses: { 200: 'the draft', 404: 'none saved' },
  },
  {
    method: 'put',
    path: '/api/me/drafts/:procedureCode',
    tag: 'citizen',
    summary: 'Save my form as I type',
    access: citizen,
    body: draftBody,
    responses: { 200: 'saved', 404: 'no such procedure' },
  },
  {
    method: 'delete',
    path: '/api/me/drafts/:procedureCode',
    tag: 'citizen',
    summary: 'Discard my saved form',
    access: citizen,
    responses: { 204: 'discarded' },
  },
]
