import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers } from '../auth/scope'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { notFoundProcedure } from '../procedures/errors'
import { changeOffering, type OfferingChange, offeringView, unitOfferingView } from '../procedures/offering-settings'

const day = { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] }
const offeringBody = jsonBody<{ units: OfferingChange[]; reason?: string }>({
  type: 'object',
  properties: {
    units: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          unit: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,30}$', description: 'the unit code' },
          offered: {
            type: ['boolean', 'null'],
            description: 'true: takes new dossiers; false: does not; null: back to the definition',
          },
          from: { ...day, description: 'first day the setting applies (YYYY-MM-DD, Vietnam time); default now' },
          to: { ...day, description: 'last day it applies; default until changed' },
        },
        required: ['unit', 'offered'],
        additionalProperties: false,
      },
    },
    reason: { type: 'string', minLength: 1, maxLength: 500, description: 'the decision (number, date) or why' },
  },
  required: ['units'],
  additionalProperties: false,
})

const notAdministrator = () =>
  new DomainError('FORBIDDEN', {
    vi: 'Bạn không quản trị đơn vị nào cung cấp thủ tục này.',
    en: 'You administer no unit that may offer this procedure.',
  })

/**
 * Which units offer a procedure, set without a new version: the view per unit (and why one does not take it) and
 * the change, audited. A province administrator sets any unit; a unit's administrator the units in its subtree.
 */
export const offeringRoutes = new Hono<AppEnv>()
  .use('/api/admin/procedures/:code/offering', requireRole(...ADMIN_ROLES))
  .get('/api/admin/procedures/:code/offering', async (c) => {
    const code = c.req.param('code')
    const now = c.var.clock()
    const version = (await c.var.registry.current(code, now)) ?? (await c.var.registry.versions(code))[0]
    if (!version) throw notFoundProcedure(code)
    const view = await offeringView(services(c), requirePrincipal(c), version, now)
    if (!view.units.length) throw notAdministrator()
    return c.json(view)
  })
  .put('/api/admin/procedures/:code/offering', async (c) => {
    const code = c.req.param('code')
    const now = c.var.clock()
    const version = (await c.var.registry.current(code, now)) ?? (await c.var.registry.versions(code))[0]
    if (!version) throw notFoundProcedure(code)
    const { units, reason } = await offeringBody.read(c)
    const principal = requirePrincipal(c)
    await changeOffering(services(c), principal, version, units, reason, now)
    return c.json(await offeringView(services(c), principal, version, now))
  })

  .get('/api/admin/units/:unitCode/offering', requireRole(...ADMIN_ROLES), async (c) => {
    const code = c.req.param('unitCode')
    const unit = await c.var.units.byCode(code)
    if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` })
    await assertAdministers(c, unit.id)
    return c.json(await unitOfferingView(services(c), unit, c.var.clock()))
  })

const services = (c: { var: AppEnv['Variables'] }) => ({
  registry: c.var.registry,
  units: c.var.units,
  plugins: c.var.plugins,
  db: c.var.database.db,
})

const admins = [...ADMIN_ROLES]
export const offeringDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/procedures/:code/offering',
    tag: 'authoring',
    summary:
      'Which of my units take new dossiers of a procedure today, by its definition or by a setting, and why not (off, a required plugin not enabled); the audit trail',
    access: admins,
    responses: {
      200: '{code, version, level, definitionUnits, units, history}',
      403: 'no unit of yours',
      404: 'no such procedure',
    },
  },
  {
    method: 'put',
    path: '/api/admin/procedures/:code/offering',
    tag: 'authoring',
    summary:
      'Turn a procedure on or off at units, optionally for some days, without a new version; audited; new dossiers follow at once, dossiers filed keep going',
    access: admins,
    body: offeringBody,
    responses: {
      200: 'the offering as GET shows it',
      400: 'an unknown unit, a unit outside the procedure’s owner or level, or a period that ends before it starts (each at its path)',
      403: 'a unit you do not administer',
      404: 'no such procedure',
    },
  },
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/offering',
    tag: 'authoring',
    summary:
      'The procedures in force that apply to one of my units (named by their definition, of its level, or set for it) and whether it takes new dossiers of each today, and why not; change one with PUT /api/admin/procedures/:code/offering',
    access: admins,
    responses: {
      200: '{unit: {code, name, level}, procedures: [{code, name, field, version, offered, by, setting, reason}]} by name',
      403: 'not your unit',
      404: 'no such unit',
    },
  },
]
