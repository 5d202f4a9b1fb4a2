import { DomainError, periodOf, type StatStructure } from '@motcua/core'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { provinceStatistics, type StatQuery, type StatServices, unitStatistics } from '../statistics/service'

const MONTH = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }

const statQuery = queryParams<{ from?: string; to?: string; structure: StatStructure }>({
  type: 'object',
  properties: {
    from: { ...MONTH, description: 'the first month, YYYY-MM; default January of `to`’s year' },
    to: { ...MONTH, description: 'the last month, YYYY-MM; default this month (a later one is cut to it)' },
    structure: {
      type: 'string',
      enum: ['then', 'now'],
      default: 'now',
      description: '`now`: dossiers under the units in force today (default); `then`: under the unit filed with',
    },
  },
})

/** The period and structure of a statistics request (400 with the JSON path for a bad month or order). */
export function readStatQuery(c: Context<AppEnv>): StatQuery {
  const { from, to, structure } = statQuery.read(c)
  const now = c.var.clock()
  const period = periodOf({ from, to }, now)
  return { period, structure, now }
}

export const statServices = (c: Context<AppEnv>): StatServices => ({
  db: c.var.database.db,
  units: c.var.units,
  registry: c.var.registry,
})

const UNIT_CODE = /^[0-9A-Za-z._-]{1,30}$/

const unknownUnit = (code: string) =>
  new DomainError('NOT_FOUND', {
    vi: `Không có đơn vị mã "${code}" trong kỳ này. Hãy chọn đơn vị từ danh sách trên trang Thống kê.`,
    en: `No unit has the code "${code}" in this period. Pick a unit from the statistics page.`,
  })

/** Public statistics (no sign-in): aggregates only, never a person's data; proxies may keep them a minute. */
export const statisticsRoutes = new Hono<AppEnv>()
  .get('/api/statistics', async (c) => {
    const view = await provinceStatistics(statServices(c), readStatQuery(c))
    c.header('Cache-Control', 'public, max-age=60')
    return c.json(view)
  })
  .get('/api/statistics/units/:code', async (c) => {
    const code = c.req.param('code')
    const query = readStatQuery(c)
    const view = UNIT_CODE.test(code) ? await unitStatistics(statServices(c), code, query) : undefined
    if (!view) throw unknownUnit(code.slice(0, 30))
    c.header('Cache-Control', 'public, max-age=60')
    return c.json(view)
  })

const query = [
  { name: 'from', description: 'YYYY-MM, default January of `to`’s year' },
  { name: 'to', description: 'YYYY-MM, default this month' },
  {
    name: 'structure',
    description: '`now` (default): units in force today; `then`: the unit each dossier was filed with',
  },
]

export const statisticsDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/statistics',
    tag: 'statistics',
    summary:
      'The province-wide figures of a period: by level, by unit, by month, by field and by procedure, with the online catalogue',
    access: 'public',
    query,
    responses: {
      200: 'ProvinceStatistics (packages/core/src/statistics/views.ts)',
      400: 'a bad month, or `from` after `to`',
    },
  },
  {
    method: 'get',
    path: '/api/statistics/units/:code',
    tag: 'statistics',
    summary: 'One unit’s figures of a period, with its units below, fields, procedures and catalogue',
    access: 'public',
    query,
    responses: {
      200: 'UnitStatistics (packages/core/src/statistics/views.ts)',
      400: 'a bad month, or `from` after `to`',
      404: 'no unit bears the code at the end of the period (`then`) or today (`now`)',
    },
  },
]
