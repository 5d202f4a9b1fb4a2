import type { Role } from '@motcua/core'
import type { Db } from '@motcua/db'
import { sql } from 'drizzle-orm'
import type { Principal } from './principal'

/** The unit and every unit above it (commune → district → province). */
export async function unitLineage(db: Db, unitId: string): Promise<string[]> {
  const result = (await db.execute(sql`
    with recursive lineage(id, parent_id) as (
      select id, parent_id from units where id = ${unitId}
      union all
      select u.id, u.parent_id from units u join lineage l on u.id = l.parent_id
    )
    select id from lineage`)) as unknown
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[]
  return rows.map((r) => r.id)
}

/**
 * Whether the caller holds one of `roles` for `unitId` or for a unit above it (a province administrator
 * covers the whole province; a district's administrator covers its communes). `null` = province-wide
 * things, which only province administrators hold.
 */
export async function holdsRoleOver(db: Db, principal: Principal, roles: Role[], unitId: string | null): Promise<boolean> {
  const grants = principal.grants.filter((g) => roles.includes(g.role))
  if (grants.some((g) => g.role === 'province_admin')) return true
  if (!unitId || grants.length === 0) return false
  const lineage = await unitLineage(db, unitId)
  return grants.some((g) => g.unitId !== null && lineage.includes(g.unitId))
}
