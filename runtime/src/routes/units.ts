import { DomainError, matchesQuery } from '@motcua/core'
import { unitLevels, units } from '@motcua/db'
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'

const parent = alias(units, 'parent')
const isoDate = /^\d{4}-\d{2}-\d{2}$/

function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * `GET /api/units`: the administrative units in force on a date (default today, Vietnam time), filtered by
 * `level`, `parent` (a unit code) and `q` (words, with or without diacritics).
 */
export const unitsRoutes = new Hono<AppEnv>().get('/api/units', async (c) => {
  const { level, parent: parentCode, q, at = vietnamToday() } = c.req.query()
  if (!isoDate.test(at)) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'The date must look like YYYY-MM-DD.' },
      [
        {
          code: 'format',
          path: '/query/at',
          message: { vi: 'Ngày phải có dạng YYYY-MM-DD', en: 'Expected YYYY-MM-DD' },
        },
      ],
    )
  }
  const rows = await c.var.database.db
    .select({
      code: units.code,
      name: units.name,
      type: units.type,
      level: units.level,
      parentCode: parent.code,
      electronicId: units.electronicId,
    })
    .from(units)
    .innerJoin(unitLevels, eq(unitLevels.code, units.level))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        lte(units.effectiveFrom, at),
        or(isNull(units.effectiveTo), gt(units.effectiveTo, at)),
        level ? eq(units.level, level) : undefined,
        parentCode ? eq(parent.code, parentCode) : undefined,
      ),
    )
    .orderBy(asc(unitLevels.tier), asc(units.level), asc(units.code))
  return c.json(q ? rows.filter((u) => matchesQuery(u.name, q)) : rows)
})

export const unitsDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/units',
    tag: 'units',
    summary: 'Administrative units in force on a date',
    access: 'public',
    query: [
      { name: 'level', description: 'province, department, district, commune' },
      { name: 'parent', description: 'parent unit code' },
      { name: 'q', description: 'words, with or without diacritics' },
      { name: 'at', description: 'YYYY-MM-DD, default today (Vietnam time)' },
    ],
    responses: { 200: '[{code, name, type, level, parentCode, electronicId}]', 400: 'bad date' },
  },
]
