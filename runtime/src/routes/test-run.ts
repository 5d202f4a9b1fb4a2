import { DomainError, type RuleChannel, testRun, validateDefinition, vietnamDate } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { pluginCatalogue } from '../procedures/check-draft'
import { constantsForFiling } from '../procedures/constants'
import { provinceUnitId } from '../procedures/four-eyes'

const testRunBody = jsonBody<{
  definition: Record<string, unknown>
  start: string
  unitCode?: string
  data?: Record<string, unknown>
  channel?: RuleChannel
}>(
  {
    type: 'object',
    properties: {
      definition: { type: 'object', description: 'the definition as on screen (need not be saved)' },
      start: { type: 'string', format: 'date-time', description: 'when the dossier is received' },
      unitCode: { type: 'string', maxLength: 50, description: "whose working calendar; default: the province's" },
      data: { type: 'object', description: 'form data, which selects the case' },
      channel: { type: 'string', enum: ['counter', 'online', 'post'], description: 'as rules see it; default online' },
    },
    required: ['definition', 'start'],
    additionalProperties: false,
  },
  jsonLimits.definition,
)

/**
 * A dry run of a definition for the studio: where a dossier received at a moment would be due, step by step on
 * the main path, on a unit's working calendar, with the days off each step crosses.
 */
export const testRunRoutes = new Hono<AppEnv>()
  .use('/api/admin/*', requireRole(...ADMIN_ROLES))
  .post('/api/admin/test-run', async (c) => {
    const body = await testRunBody.read(c)
    const checked = validateDefinition(body.definition, { plugins: pluginCatalogue(c.var.plugins) })
    if (!checked.ok)
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: 'Quy trình còn lỗi nên chưa chạy thử được. Hãy sửa các lỗi được chỉ ra.',
          en: 'The definition has problems; fix them to run it.',
        },
        checked.issues.map((i) => ({ ...i, path: `/definition${i.path}` })),
      )
    const { db } = c.var.database
    const unit = body.unitCode ? await c.var.units.byCode(body.unitCode) : undefined
    if (body.unitCode && !unit)
      throw new DomainError(
        'INVALID_DATA',
        { vi: `Không có đơn vị mã ${body.unitCode}.`, en: `No unit ${body.unitCode}.` },
        [{ code: 'unit.unknown', path: '/unitCode', message: { vi: 'Đơn vị không tồn tại', en: 'Unknown unit' } }],
      )
    const unitId = unit?.id ?? (await provinceUnitId(db))
    if (!unitId) throw new Error('No province unit: the seed did not run')
    const calendar = await c.var.units.unitCalendarOf(unitId)
    const start = new Date(body.start)
    const constants = await constantsForFiling(db, checked.definition)
    const run = testRun(checked.definition, calendar.working, start, {
      formData: body.data ?? {},
      context: { channel: body.channel ?? 'online', today: vietnamDate(start), ...(constants ? { constants } : {}) },
    })
    const last = [run.total.due, ...run.steps.map((s) => s.due)].filter((d): d is Date => d !== null)
    const years = [start, ...last].map((d) => Number(vietnamDate(d).slice(0, 4)))
    let provisional = false
    for (let y = Math.min(...years); y <= Math.max(...years); y++) if (calendar.isProvisional(y)) provisional = true
    return c.json({ ...run, provisional })
  })

export const testRunDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/admin/test-run',
    tag: 'authoring',
    summary:
      "Run a definition dry: the total due time and each step of its main path on a unit's calendar, with the days off each crosses",
    access: [...ADMIN_ROLES],
    body: testRunBody,
    responses: {
      200: '{case, total: {kind, value, due}, steps: [{key, name, role, budget, from, due, daysOff: [{date, name, kind: holiday|weekend|makeUp}]}], provisional: whether a year it spans has no published calendar decision}',
      400: 'the definition has problems (at /definition/…), or an unknown unit',
    },
  },
]
