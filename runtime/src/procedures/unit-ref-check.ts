import type { Issue } from '@motcua/core'
import { type Db, unitLevels, units as unitRows } from '@motcua/db'
import { eq } from 'drizzle-orm'
import type { UnitDirectory } from '../units/unit-directory'

const issue = (code: string, path: string, vi: string, en: string, params?: Record<string, unknown>): Issue =>
  params ? { code, path, message: { vi, en }, params } : { code, path, message: { vi, en } }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every unit reference of a definition with its path: the reception's and each step's (base and cases). */
function unitRefs(definition: Record<string, unknown>): { path: string; ref: unknown }[] {
  const refs: { path: string; ref: unknown }[] = []
  const reception = definition.reception
  if (isRecord(reception)) {
    if (reception.unit !== undefined) refs.push({ path: '/reception/unit', ref: reception.unit })
    const any = reception.anyUnit
    if (isRecord(any) && Array.isArray(any.units))
      any.units.forEach((ref, k) => refs.push({ path: `/reception/anyUnit/units/${k}`, ref }))
  }
  const lists: [string, unknown][] = [['/steps', definition.steps]]
  if (Array.isArray(definition.cases))
    definition.cases.forEach((c, i) => isRecord(c) && lists.push([`/cases/${i}/steps`, c.steps]))
  for (const [path, steps] of lists)
    if (Array.isArray(steps))
      steps.forEach(
        (step, i) =>
          isRecord(step) && step.unit !== undefined && refs.push({ path: `${path}/${i}/unit`, ref: step.unit }),
      )
  return refs
}

/**
 * What only the unit directory can tell about a definition's unit references: a `{"code"}` naming no unit
 * (`unit.unknown`), an `{"up"}` or reception level that is no level (`unitRef.unknownLevel`) or that no unit of the
 * procedure's level has above it (`unitRef.notAbove`). Paths are relative to the definition.
 */
export async function unitRefIssues(
  db: Db,
  units: UnitDirectory,
  definition: Record<string, unknown>,
): Promise<Issue[]> {
  const issues: Issue[] = []
  const levels = new Set((await db.select({ code: unitLevels.code }).from(unitLevels)).map((l) => l.code))
  const level = typeof definition.level === 'string' ? definition.level : undefined
  let levelsAbove: Set<string> | undefined
  const above = async () => {
    if (levelsAbove || !level) return levelsAbove
    const [sample] = await db.select({ id: unitRows.id }).from(unitRows).where(eq(unitRows.level, level)).limit(1)
    const lineage = sample ? (await units.lineage(sample.id)).slice(1) : []
    levelsAbove = new Set(await Promise.all(lineage.map(async (id) => (await units.byId(id))?.level ?? '')))
    return levelsAbove
  }
  const unknownLevel = (path: string, code: string) =>
    issue(
      'unitRef.unknownLevel',
      path,
      `Không có cấp đơn vị "${code}". Các cấp hiện có: ${[...levels].join(', ')}`,
      `There is no unit level "${code}". The levels are: ${[...levels].join(', ')}`,
      { level: code, levels: [...levels] },
    )
  for (const { path, ref } of unitRefs(definition)) {
    if (!isRecord(ref)) continue
    if (typeof ref.code === 'string' && !(await units.byCode(ref.code)))
      issues.push(
        issue(
          'unit.unknown',
          `${path}/code`,
          `Không có đơn vị mã ${ref.code}. Hãy dùng mã trong danh mục đơn vị (ví dụ TTPVHCC cho Trung tâm Phục vụ hành chính công tỉnh).`,
          `No unit ${ref.code}. Use a code from the unit directory (e.g. TTPVHCC for the provincial service centre).`,
        ),
      )
    if (typeof ref.up !== 'string') continue
    if (!levels.has(ref.up)) issues.push(unknownLevel(`${path}/up`, ref.up))
    else if (level && level !== ref.up && !(await above())?.has(ref.up))
      issues.push(
        issue(
          'unitRef.notAbove',
          `${path}/up`,
          `Đơn vị cấp "${level}" không có đơn vị cấp "${ref.up}" ở trên. Hãy ghi một cấp ở trên (${[...((await above()) ?? [])].join(', ') || 'không có'}) hoặc ghi mã đơn vị cụ thể ({"code": …})`,
          `A "${level}" unit has no "${ref.up}" unit above it. Name a level above (${[...((await above()) ?? [])].join(', ') || 'none'}) or a unit by code ({"code": …})`,
          { level: ref.up },
        ),
      )
  }
  const any = isRecord(definition.reception) ? definition.reception.anyUnit : undefined
  if (isRecord(any) && Array.isArray(any.levels))
    any.levels.forEach((code, k) => {
      if (typeof code === 'string' && !levels.has(code))
        issues.push(unknownLevel(`/reception/anyUnit/levels/${k}`, code))
    })
  return issues
}
