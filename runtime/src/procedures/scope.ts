import type { Issue } from '@motcua/core'
import { type Db, unitLevels } from '@motcua/db'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'

const issue = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

/**
 * What keeps a unit's procedure inside that unit: its level at or below the owner's (a district may publish
 * district and commune procedures, not provincial ones), the units that offer it within the owner's subtree,
 * and at least one unit there to offer it. Province-wide procedures (no owner) may name any existing unit.
 * Paths are relative to the definition.
 */
export async function scopeIssues(
  db: Db,
  units: UnitDirectory,
  definition: Record<string, unknown>,
  owner: UnitRow | null,
): Promise<Issue[]> {
  const issues: Issue[] = []
  const offering = Array.isArray(definition.units) ? definition.units.filter((c) => typeof c === 'string') : undefined
  const named = await Promise.all((offering ?? []).map((code) => units.byCode(code)))
  named.forEach((unit, i) => {
    if (!unit)
      issues.push(
        issue('unit.unknown', `/units/${i}`, `Không có đơn vị mã ${offering![i]}.`, `No unit ${offering![i]}.`),
      )
  })
  if (!owner) return issues

  const subtree = new Set(await units.subtree(owner.id))
  named.forEach((unit, i) => {
    if (unit && !subtree.has(unit.id))
      issues.push(
        issue(
          'scope.unitOutside',
          `/units/${i}`,
          `${unit.name} không thuộc ${owner.name}: chỉ chọn đơn vị trực thuộc đơn vị quản lý thủ tục.`,
          `${unit.name} is outside ${owner.name}, which owns this procedure.`,
        ),
      )
  })
  const tiers = new Map((await db.select().from(unitLevels)).map((l) => [l.code, l.tier]))
  const level = typeof definition.level === 'string' ? definition.level : undefined
  const tier = level === undefined ? undefined : tiers.get(level)
  if (tier !== undefined && tier < tiers.get(owner.level)!) {
    issues.push(
      issue(
        'scope.levelAbove',
        '/level',
        `${owner.name} chỉ ban hành thủ tục cấp của mình hoặc cấp dưới, không phải cấp ${level}.`,
        `${owner.name} may publish procedures of its own level or below, not ${level}.`,
      ),
    )
  }
  if (level !== undefined && offering === undefined) {
    let offered = false
    for (const id of subtree) if ((await units.byId(id))?.level === level) offered = true
    if (!offered)
      issues.push(
        issue(
          'scope.noUnit',
          '/units',
          `Không có đơn vị cấp ${level} nào thuộc ${owner.name}: hãy liệt kê đơn vị thực hiện thủ tục.`,
          `No ${level} unit belongs to ${owner.name}: list the units that offer it.`,
        ),
      )
  }
  return issues
}
