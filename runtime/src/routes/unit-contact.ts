import { DomainError } from '@motcua/core'
import { type Db, type UnitContact, unitSettingChanges, unitSettings, withTransaction } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers } from '../auth/scope'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { receivingUnit } from '../dossiers/reception'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { cleanContact, contactOf } from '../units/contact'
import type { UnitRow } from '../units/unit-directory'

const text = (maxLength: number, description: string) => ({ type: 'string', maxLength, description })
const contactBody = jsonBody<UnitContact>({
  type: 'object',
  properties: {
    address: text(300, 'the reception’s street address'),
    openingHours: text(300, 'e.g. "Thứ Hai – Thứ Sáu: 7:30 – 17:00"'),
    phone: { type: 'string', maxLength: 40, pattern: '^[0-9 +().-]*$', description: 'the hotline' },
    email: { type: 'string', maxLength: 120, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', description: 'e-mail' },
  },
  additionalProperties: false,
})

const contactQuery = queryParams<{ procedure?: string }>({
  type: 'object',
  properties: { procedure: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,40}$' } },
})

const unitByCode = async (c: Context<AppEnv>, code: string) => {
  const unit = await c.var.units.byCode(code)
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` })
  return unit
}

const publicView = async (db: Db, unit: UnitRow) => ({
  unit: { code: unit.code, name: unit.name },
  contact: await contactOf(db, unit.id),
})

/**
 * A reception's help and contact (address, opening hours, hotline, e-mail): set by the unit's administrators
 * (kept in the unit's audit trail), read by anyone for a unit, for the unit that receives a procedure's dossiers,
 * and for a dossier's receiving unit.
 */
export const unitContactRoutes = new Hono<AppEnv>()
  .get('/api/admin/units/:unitCode/contact', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await unitByCode(c, c.req.param('unitCode'))
    await assertAdministers(c, unit.id)
    return c.json(await publicView(c.var.database.db, unit))
  })
  .put('/api/admin/units/:unitCode/contact', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await unitByCode(c, c.req.param('unitCode'))
    await assertAdministers(c, unit.id)
    const contact = cleanContact(await contactBody.read(c))
    const userId = requirePrincipal(c).userId
    await withTransaction(c.var.database.db, async (tx) => {
      const [before] = await tx
        .select({ contact: unitSettings.contact })
        .from(unitSettings)
        .where(eq(unitSettings.unitId, unit.id))
        .for('update')
      await tx
        .insert(unitSettings)
        .values({ unitId: unit.id, contact, updatedBy: userId })
        .onConflictDoUpdate({ target: unitSettings.unitId, set: { contact, updatedAt: new Date(), updatedBy: userId } })
      await tx.insert(unitSettingChanges).values({
        unitId: unit.id,
        actorUserId: userId,
        setting: 'contact',
        before: before?.contact ?? null,
        after: contact,
      })
    })
    return c.json(await publicView(c.var.database.db, unit))
  })
  .get('/api/units/:code/contact', async (c) => {
    const unit = await unitByCode(c, c.req.param('code'))
    const { procedure: procedureCode } = contactQuery.read(c)
    const procedure = procedureCode ? await c.var.registry.current(procedureCode, c.var.clock()) : undefined
    // a department's dossiers are received at the provincial centre: its contact is what the citizen needs
    const reception = procedure
      ? await receivingUnit(c.var.units, procedure.definition, unit, { at: c.var.clock() })
      : unit
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(await publicView(c.var.database.db, reception))
  })
  .get('/api/track/:receiptCode/contact', async (c) => {
    const code = c.req.param('receiptCode')
    const found = await loadDossier(c.var, code)
    if (!found) throw notFoundDossier(code)
    const { dossier } = found
    const reception = await c.var.units.byId(dossier.receivingUnitId ?? dossier.unitId)
    return c.json(await publicView(c.var.database.db, reception ?? found.unit))
  })

const admins = [...ADMIN_ROLES]
const contactShape = '{unit: {code, name}, contact: {address?, openingHours?, phone?, email?}} ({} when unknown)'
export const unitContactDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/contact',
    tag: 'authoring',
    summary: "A unit's reception contact as set",
    access: admins,
    responses: { 200: contactShape, 403: 'not your unit', 404: 'no such unit' },
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/contact',
    tag: 'authoring',
    summary: "Set a unit's reception contact (address, opening hours, hotline, e-mail; blank parts dropped); audited",
    access: admins,
    body: contactBody,
    responses: {
      200: contactShape,
      400: 'a part too long, or a malformed phone or e-mail',
      403: 'not your unit',
      404: 'no such unit',
    },
  },
  {
    method: 'get',
    path: '/api/units/:code/contact',
    tag: 'units',
    summary:
      "The contact of a unit's reception; with `procedure`, of the unit that receives that procedure's dossiers there",
    access: 'public',
    query: [
      {
        name: 'procedure',
        description: 'a procedure code: the reception for it (the provincial centre for a department)',
      },
    ],
    responses: { 200: contactShape, 400: 'a bad procedure code', 404: 'no such unit' },
  },
  {
    method: 'get',
    path: '/api/track/:receiptCode/contact',
    tag: 'dossiers',
    summary: "The contact of the unit that received a dossier (public, like the dossier's status)",
    access: 'public',
    responses: { 200: contactShape, 404: 'no such dossier' },
  },
]
