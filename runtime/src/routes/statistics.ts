import { isCalendarDay } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { badDate, queryParams } from '../http/query'
import { readStatQuery, statServices, UNIT_CODE, unknownUnit } from '../statistics/request'
import { provinceStatistics, unitStatistics } from '../statistics/service'

const unitQuery = queryParams<{ at?: string }>({
  type: 'object',
  properties: { at: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } },
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
    const { at } = unitQuery.read(c)
    if (at && !isCalendarDay(at)) throw badDate()
    const view = UNIT_CODE.test(code) ? await unitStatistics(statServices(c), code, query, at) : undefined
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
    query: [
      ...query,
      {
        name: 'at',
        description: 'YYYY-MM-DD: the unit bearing the code that day (codes are reused from one period to the next)',
      },
    ],
    responses: {
      200: 'UnitStatistics (packages/core/src/statistics/views.ts)',
      400: 'a bad month, or `from` after `to`',
      404: 'no unit bears the code at the end of the period (`then`) or today (`now`)',
    },
  },
]
