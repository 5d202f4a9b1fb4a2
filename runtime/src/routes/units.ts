import { DomainError, isCalendarDay, matchesQuery } from '@motcua/core'
import { unitLevels, unitLinks, units } from '@motcua/db'
import { and, asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { badDate, queryParams } from '../http/query'
import { inForceOn } from '../units/in-force'

const parent = alias(units, 'parent')

const unitsQuery = queryParams<{ level?: string; parent?: string; q?: string; at?: string }>({
  type: 'object',
  properties: {
    level: { type: 'string', pattern: '^[a-z_]{1,30}$' },
    parent: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,30}$' },
    q: { type: 'string', maxLength: 100 },
    at: { type: 'string', pattern: '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$' },
  },
})

function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * `GET /api/units`: the administrative units in force on a date (default today, Vietnam time), filtered by
 * `level`, `parent` (a unit code) and `q` (words, with or without diacritics).
 */
export const unitsRoutes = new Hono<AppEnv>().get('/api/units', async (c) => {
  const at = c.req.query('at') || vietnamToday()
  if (!isCalendarDay(at)) throw badDate()
  const { level, parent: parentCode, q } = unitsQuery.read(c)
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
        inForceOn(at),
        level ? eq(units.level, level) : undefined,
        parentCode ? eq(parent.code, parentCode) : undefined,
      ),
    )
    .orderBy(asc(unitLevels.tier), asc(units.level), asc(units.code))
  // the same for everyone and changing only when the unit tree does: browsers and proxies may keep it a while
  c.header('Cache-Control', 'public, max-age=300')
  return c.json(q ? rows.filter((u) => matchesQuery(u.name, q)) : rows)
})

const successor = alias(units, 'successor')
const predecessor = alias(units, 'predecessor')

/**
 * `GET /api/units/:code/history`: the unit bearing the code on `at` (default today), where its work came from and
 * where it went, each link with its kind (merge, split, rename, changeLevel, abolish), date and source.
 */
unitsRoutes.get('/api/units/:code/history', async (c) => {
  const at = c.req.query('at') || vietnamToday()
  if (!isCalendarDay(at)) throw badDate()
  const code = c.req.param('code')
  const unit = await c.var.units.byCode(code, at)
  if (!unit || unit.code !== code)
    throw new DomainError('NOT_FOUND', {
      vi: `Ngày ${at} không có đơn vị mã ${code}.`,
      en: `No unit with code ${code} on ${at}.`,
    })
  const { db } = c.var.database
  const link = {
    kind: unitLinks.kind,
    primary: unitLinks.primary,
    reorganisation: unitLinks.reorganisation,
    source: unitLinks.source,
  }
  const [from, to] = await Promise.all([
    db
      .select({ ...link, code: predecessor.code, name: predecessor.name, until: predecessor.effectiveTo })
      .from(unitLinks)
      .innerJoin(predecessor, eq(predecessor.id, unitLinks.predecessorId))
      .where(eq(unitLinks.successorId, unit.id))
      .orderBy(asc(predecessor.code)),
    db
      .select({ ...link, code: successor.code, name: successor.name, from: successor.effectiveFrom })
      .from(unitLinks)
      .innerJoin(successor, eq(successor.id, unitLinks.successorId))
      .where(eq(unitLinks.predecessorId, unit.id))
      .orderBy(asc(successor.code)),
  ])
  c.header('Cache-Control', 'public, max-age=300')
  return c.json({
    unit: {
      code: unit.code,
      name: unit.name,
      type: unit.type,
      level: unit.level,
      from: unit.effectiveFrom,
      to: unit.effectiveTo,
    },
    predecessors: from,
    successors: to,
  })
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
    responses: {
      200: '[{code, name, type, level, parentCode, electronicId}] (Cache-Control: public, max-age=300)',
      400: 'a bad parameter, or a date that is not a real day',
    },
  },
  {
    method: 'get',
    path: '/api/units/:code/history',
    tag: 'units',
    summary: 'A unit on a date, the units whose work it took over and those that took over its own',
    access: 'public',
    query: [{ name: 'at', description: 'YYYY-MM-DD, default today (Vietnam time)' }],
    responses: {
      200: '{unit: {code, name, type, level, from, to}, predecessors: [{code, name, until, kind, primary, reorganisation, source}], successors: [{code, name, from, kind, primary, reorganisation, source}]}',
      400: 'a date that is not a real day',
      404: 'no unit bears the code on that date',
    },
  },
]
