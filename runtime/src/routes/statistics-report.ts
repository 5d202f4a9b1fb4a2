import { indicators766, periodicReport, type StatStructure } from '@motcua/core'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { attachment, CSV_TYPE, reportCsv, reportFileName, reportXlsx, XLSX_TYPE } from '../statistics/report-files'
import { statQueryOf, statQueryProperties, statServices, UNIT_CODE, unknownUnit } from '../statistics/request'
import { provinceStatistics, unitStatistics } from '../statistics/service'

const reportQuery = queryParams<{ unit?: string; from?: string; to?: string; structure: StatStructure }>({
  type: 'object',
  properties: {
    unit: {
      type: 'string',
      pattern: UNIT_CODE.source,
      description: "a unit's code; none: the whole province",
    },
    ...statQueryProperties,
  },
})

/** The statistics a report or the indicators are made of: one unit's, or the province's without `unit`. */
async function statisticsOf(c: Context<AppEnv>) {
  const { unit, ...params } = reportQuery.read(c)
  const query = statQueryOf(params, c.var.clock())
  if (!unit) {
    const stats = await provinceStatistics(statServices(c), query)
    return { stats, unit: stats.province }
  }
  const stats = await unitStatistics(statServices(c), unit, query)
  if (!stats) throw unknownUnit(unit)
  return { stats, unit: stats.unit }
}

/** The periodic report and the Decision 766 indicators, public like the figures they are made of. */
export const statisticsReportRoutes = new Hono<AppEnv>()
  .get('/api/statistics/report.csv', async (c) => {
    const { stats, unit } = await statisticsOf(c)
    return c.body(reportCsv(periodicReport(stats, c.var.clock())), 200, {
      'content-type': CSV_TYPE,
      'content-disposition': attachment(reportFileName(unit.name, stats.period, 'csv')),
      'cache-control': 'public, max-age=60',
    })
  })
  .get('/api/statistics/report.xlsx', async (c) => {
    const { stats, unit } = await statisticsOf(c)
    const bytes = await reportXlsx(periodicReport(stats, c.var.clock()))
    return c.body(bytes.buffer as ArrayBuffer, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachment(reportFileName(unit.name, stats.period, 'xlsx')),
      'cache-control': 'public, max-age=60',
    })
  })
  .get('/api/statistics/indicators', async (c) => {
    const { stats, unit } = await statisticsOf(c)
    c.header('Cache-Control', 'public, max-age=60')
    return c.json({
      unit,
      period: stats.period,
      structure: stats.structure,
      asOf: stats.asOf,
      ...indicators766(stats),
    })
  })

const query = [
  { name: 'unit', description: "a unit's code (e.g. 06649); none: the whole province" },
  { name: 'from', description: 'YYYY-MM, default January of `to`’s year' },
  { name: 'to', description: 'YYYY-MM, default this month' },
  {
    name: 'structure',
    description: '`now` (default): units in force today; `then`: the unit each dossier was filed with',
  },
]
const refused = {
  400: 'a bad unit code or month, or `from` after `to` (the issue names the parameter)',
  404: 'no unit bears the code at the end of the period (`then`) or today (`now`)',
}

export const statisticsReportDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/statistics/report.csv',
    tag: 'statistics',
    summary:
      'The periodic report (Biểu số 06a/VPCP/KSTT) of a unit or the province as CSV: UTF-8 with BOM, CRLF, per field and procedure',
    access: 'public',
    query,
    responses: { 200: 'text/csv, as an attachment', ...refused },
  },
  {
    method: 'get',
    path: '/api/statistics/report.xlsx',
    tag: 'statistics',
    summary: 'The same report as an Excel workbook in the form’s layout (merged headings, figures as numbers)',
    access: 'public',
    query,
    responses: { 200: 'an XLSX workbook, as an attachment', ...refused },
  },
  {
    method: 'get',
    path: '/api/statistics/indicators',
    tag: 'statistics',
    summary:
      'The Decision 766/QĐ-TTg indicators the figures compute, with their points, and those they cannot, with the reason',
    access: 'public',
    query,
    responses: {
      200: 'Indicators766 (packages/core/src/statistics/indicators-766.ts) with unit and period',
      ...refused,
    },
  },
]
