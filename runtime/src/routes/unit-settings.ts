import { DomainError } from '@motcua/core'
import { unitSettingChanges, unitSettings, withTransaction } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { assertAdministers, holdsRoleOver } from '../auth/scope'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { fourEyesOf } from '../procedures/four-eyes'

const settingsBody = jsonBody<{ fourEyes: boolean | null }>({
  type: 'object',
  properties: {
    fourEyes: {
      type: ['boolean', 'null'],
      description:
        "true: a draft of the unit's procedures is published once another administrator approves it; false: at once; null: as the unit above",
    },
  },
  required: ['fourEyes'],
  additionalProperties: false,
})

/** The unit of the route's `:unitCode`, when the caller administers it. */
async function administeredUnit(c: Context<AppEnv>) {
  const code = c.req.param('unitCode')!
  const unit = await c.var.units.byCode(code)
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` })
  await assertAdministers(c, unit.id)
  return unit
}

const view = async (c: Context<AppEnv>, unitId: string) => {
  const { fourEyes, inheritedFrom, own } = await fourEyesOf(c.var.database.db, c.var.units, unitId)
  return { fourEyes, inheritedFrom, own }
}

/**
 * A unit's settings as its administrators set them: four-eyes publishing (a unit without its own setting follows
 * the nearest unit above it that has one; default off). Every change is kept with who made it.
 */
export const unitSettingsRoutes = new Hono<AppEnv>()
  .use('/api/admin/*', requireRole(...ADMIN_ROLES))
  .get('/api/admin/units/:unitCode/settings', async (c) => c.json(await view(c, (await administeredUnit(c)).id)))
  .put('/api/admin/units/:unitCode/settings', async (c) => {
    const unit = await administeredUnit(c)
    const { fourEyes } = await settingsBody.read(c)
    const principal = requirePrincipal(c)
    const userId = principal.userId
    // a unit above that requires four eyes binds the units below: only its administrators turn it off for one of them
    if (fourEyes === false && unit.parentId) {
      const above = await fourEyesOf(c.var.database.db, c.var.units, unit.parentId)
      if (above.fourEyes && !(await holdsRoleOver(c.var.units, principal, [...ADMIN_ROLES], unit.parentId))) {
        const from = above.inheritedFrom ?? (await c.var.units.byId(unit.parentId))?.code
        throw new DomainError('FORBIDDEN', {
          vi: `Đơn vị cấp trên (${from}) yêu cầu phê duyệt ban hành bởi người thứ hai: chỉ quản trị viên cấp trên mới tắt được cho đơn vị này.`,
          en: `The unit above (${from}) requires four-eyes publishing: only its administrators may turn it off here.`,
        })
      }
    }
    await withTransaction(c.var.database.db, async (tx) => {
      const [before] = await tx
        .select({ fourEyes: unitSettings.fourEyes })
        .from(unitSettings)
        .where(eq(unitSettings.unitId, unit.id))
        .for('update')
      const old = before?.fourEyes ?? null
      if (old === fourEyes) return
      await tx
        .insert(unitSettings)
        .values({ unitId: unit.id, fourEyes, updatedBy: userId })
        .onConflictDoUpdate({
          target: unitSettings.unitId,
          set: { fourEyes, updatedAt: new Date(), updatedBy: userId },
        })
      await tx
        .insert(unitSettingChanges)
        .values({ unitId: unit.id, actorUserId: userId, setting: 'fourEyes', before: old, after: fourEyes })
    })
    return c.json(await view(c, unit.id))
  })

const admins = [...ADMIN_ROLES]
export const unitSettingsDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/settings',
    tag: 'authoring',
    summary: "A unit's settings as they apply: four-eyes publishing, its own or inherited",
    access: admins,
    responses: {
      200: '{fourEyes, inheritedFrom: the unit code it comes from, or null for its own setting or the default (off), own: its own value or null}',
      403: 'not your unit',
      404: 'no such unit',
    },
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/settings',
    tag: 'authoring',
    summary: "Set a unit's four-eyes publishing (null: as the unit above); kept in the unit's audit trail",
    access: admins,
    body: settingsBody,
    responses: {
      200: 'the settings as they now apply',
      400: 'invalid',
      403: 'not your unit, or turning off four eyes a unit above requires (its administrators may)',
      404: 'no such unit',
    },
  },
]
