import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DomainError } from '@motcua/core'
import { reorganisations } from '@motcua/db'
import { asc, eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { applyPlan, previewPlan } from '../reorganisations/apply'
import {
  defaultReorganisationsDir,
  type LoadedPlan,
  loadPlan,
  loadPlanFile,
  planFiles,
} from '../reorganisations/plan-files'

const NAME = '^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$'

// a shipped plan by its name, or an uploaded one (whose procedure versions are read from the shipped folder)
const planBody = jsonBody<{ name?: string; plan?: Record<string, unknown> }>(
  {
    type: 'object',
    properties: { name: { type: 'string', pattern: NAME, maxLength: 100 }, plan: { type: 'object' } },
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
  },
  jsonLimits.plan,
)

const dirOf = (c: Context<AppEnv>) => c.var.reorganisationsDir ?? defaultReorganisationsDir()

function shippedPlan(c: Context<AppEnv>, name: string): LoadedPlan {
  const file = join(dirOf(c), `${name}.json`)
  if (!new RegExp(NAME).test(name) || !existsSync(file))
    throw new DomainError('NOT_FOUND', {
      vi: `Không có kế hoạch sắp xếp ${name} trong thư mục reorganisations/.`,
      en: `No reorganisation plan ${name} in reorganisations/.`,
    })
  return loadPlanFile(file)
}

async function bodyPlan(c: Context<AppEnv>): Promise<LoadedPlan> {
  const body = await planBody.read(c)
  return body.name ? shippedPlan(c, body.name) : loadPlan(body.plan, dirOf(c))
}

const services = (c: Context<AppEnv>) => ({
  database: c.var.database,
  registry: c.var.registry,
  units: c.var.units,
  plugins: c.var.plugins,
})

/**
 * Reorganisations of the units, for the province's administrators: the plans shipped in `reorganisations/` and
 * those taken (scheduled or applied), a preview of what a plan moves, and apply.
 */
export const reorganisationRoutes = new Hono<AppEnv>()
  .use('/api/admin/reorganisations/*', requireRole('province_admin'))
  .use('/api/admin/reorganisations', requireRole('province_admin'))
  .get('/api/admin/reorganisations', async (c) => {
    const taken = await c.var.database.db
      .select({
        name: reorganisations.name,
        title: reorganisations.title,
        effectiveDate: reorganisations.effectiveDate,
        status: reorganisations.status,
        appliedAt: reorganisations.appliedAt,
      })
      .from(reorganisations)
      .orderBy(asc(reorganisations.effectiveDate))
    type Listed = Omit<(typeof taken)[number], 'status'> & { status: 'scheduled' | 'applied' | null; shipped: boolean }
    const byName = new Map<string, Listed>(taken.map((t) => [t.name, { ...t, shipped: false }]))
    for (const file of planFiles(dirOf(c))) {
      const { plan } = loadPlanFile(file)
      const row = byName.get(plan.name)
      byName.set(
        plan.name,
        row
          ? { ...row, shipped: true }
          : {
              name: plan.name,
              title: plan.title,
              effectiveDate: plan.effectiveDate,
              status: null,
              appliedAt: null,
              shipped: true,
            },
      )
    }
    return c.json([...byName.values()].sort((a, b) => a.name.localeCompare(b.name)))
  })
  .get('/api/admin/reorganisations/:name', async (c) => {
    const name = c.req.param('name')
    const [row] = await c.var.database.db.select().from(reorganisations).where(eq(reorganisations.name, name))
    if (row) return c.json({ plan: row.plan, status: row.status, appliedAt: row.appliedAt, report: row.report })
    return c.json({ plan: shippedPlan(c, name).plan, status: null, appliedAt: null, report: null })
  })
  .post('/api/admin/reorganisations/preview', async (c) =>
    c.json(await previewPlan(services(c), await bodyPlan(c), c.var.clock())),
  )
  .post('/api/admin/reorganisations/apply', async (c) => {
    const report = await applyPlan(services(c), await bodyPlan(c), {
      actorUserId: requirePrincipal(c).userId,
      now: c.var.clock(),
    })
    return c.json(report, report.status === 'applied' ? 200 : 202)
  })

const body = planBody as Operation['body']
export const reorganisationDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/reorganisations',
    tag: 'reorganisations',
    summary: 'Reorganisation plans: shipped in reorganisations/, scheduled or applied',
    access: ['province_admin'],
    responses: { 200: '[{name, title, effectiveDate, status: scheduled|applied|null, appliedAt, shipped}]' },
  },
  {
    method: 'get',
    path: '/api/admin/reorganisations/:name',
    tag: 'reorganisations',
    summary: 'A plan, its status and, once taken, the report of what it moved',
    access: ['province_admin'],
    responses: { 200: '{plan, status, appliedAt, report}', 404: 'no such plan' },
  },
  {
    method: 'post',
    path: '/api/admin/reorganisations/preview',
    tag: 'reorganisations',
    summary: 'What a plan (shipped, by name, or uploaded) would move now: nothing is changed',
    access: ['province_admin'],
    body,
    responses: { 200: 'ReorganisationReport', 400: 'the plan is not valid (issues by JSON path)' },
  },
  {
    method: 'post',
    path: '/api/admin/reorganisations/apply',
    tag: 'reorganisations',
    summary: 'Applies a plan in one transaction, or schedules it for its date',
    access: ['province_admin'],
    body,
    responses: {
      200: 'ReorganisationReport (applied)',
      202: 'ReorganisationReport (scheduled for its date)',
      400: 'the plan is not valid',
      409: 'the plan has problems against the units in force, or was applied before',
    },
  },
]
