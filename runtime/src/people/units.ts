import { type Db, unitLevels, units } from '@motcua/db'
import { asc, eq } from 'drizzle-orm'
import { inForceOn } from '../units/in-force'
import type { AdminScope } from './scope'

/** A unit in the administrators' list: `parentCode` may name a unit outside it (above the caller's part of the tree). */
export interface AdministeredUnit {
  code: string
  name: string
  level: string
  parentCode: string | null
}

/**
 * The units in force on `day` that the caller administers, parents before their children (depth first, each level's
 * children by tier, level and code), so a client builds the tree in one pass.
 * @example await administeredUnits(db, { all: true }, '2026-11-30')
 */
export async function administeredUnits(db: Db, scope: AdminScope, day: string): Promise<AdministeredUnit[]> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, level: units.level, parentId: units.parentId })
    .from(units)
    .innerJoin(unitLevels, eq(unitLevels.code, units.level))
    .where(inForceOn(day))
    .orderBy(asc(unitLevels.tier), asc(units.level), asc(units.code))
  const codeOf = new Map(rows.map((u) => [u.id, u.code]))
  const listed = rows.filter((u) => scope.all || scope.unitIds.has(u.id))
  const ids = new Set(listed.map((u) => u.id))
  const children = new Map<string | null, typeof listed>()
  for (const u of listed) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null
    const siblings = children.get(parent)
    if (siblings) siblings.push(u)
    else children.set(parent, [u])
  }
  const ordered: AdministeredUnit[] = []
  const visit = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      ordered.push({
        code: u.code,
        name: u.name,
        level: u.level,
        parentCode: u.parentId ? (codeOf.get(u.parentId) ?? null) : null,
      })
      visit(u.id)
    }
  }
  visit(null)
  return ordered
}
