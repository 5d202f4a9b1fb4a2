import { DomainError, periodOf, type StatStructure } from '@motcua/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { queryParams } from '../http/query'
import type { StatQuery, StatServices } from './service'

// checked by periodOf, whose message says how to write a month
const MONTH = { type: 'string', maxLength: 7 }

/** The query parameters every statistics request takes: the period and the structure of units. */
export const statQueryProperties = {
  from: { ...MONTH, description: 'the first month, YYYY-MM; default January of `to`’s year' },
  to: { ...MONTH, description: 'the last month, YYYY-MM; default this month (a later one is cut to it)' },
  structure: {
    type: 'string',
    enum: ['then', 'now'],
    default: 'now',
    description: '`now`: dossiers under the units in force today (default); `then`: under the unit filed with',
  },
}

export interface StatParams {
  from?: string
  to?: string
  structure: StatStructure
}

const statQuery = queryParams<StatParams>({ type: 'object', properties: statQueryProperties })

/** The period and structure of checked parameters (400 with the JSON path for a month after the other). */
export function statQueryOf({ from, to, structure }: StatParams, now: Date): StatQuery {
  try {
    return { period: periodOf({ from, to }, now), structure, now }
  } catch (error) {
    // the parameters' paths, as every query's issues have them
    if (DomainError.is(error))
      throw new DomainError(
        error.code,
        error.userMessage,
        error.issues.map((i) => ({ ...i, path: `/query${i.path}` })),
      )
    throw error
  }
}

/** The period and structure of a statistics request (400 with the JSON path for a bad month or order). */
export const readStatQuery = (c: Context<AppEnv>): StatQuery => statQueryOf(statQuery.read(c), c.var.clock())

export const statServices = (c: Context<AppEnv>): StatServices => ({
  db: c.var.database.db,
  units: c.var.units,
  registry: c.var.registry,
})

export const UNIT_CODE = /^[0-9A-Za-z._-]{1,30}$/

export const unknownUnit = (code: string) =>
  new DomainError('NOT_FOUND', {
    vi: `Không có đơn vị mã "${code}" trong kỳ này. Hãy chọn đơn vị từ danh sách trên trang Thống kê.`,
    en: `No unit has the code "${code}" in this period. Pick a unit from the statistics page.`,
  })
