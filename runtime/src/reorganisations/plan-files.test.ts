import { join } from 'node:path'
import { DomainError } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { defaultReorganisationsDir, loadPlan, loadPlanFile, planFiles } from './plan-files'

const dir = defaultReorganisationsDir()
const twoTiers = join(dir, '2025-07-01-quang-ninh-hai-cap.json')

const issuesOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (DomainError.is(error)) return error.issues.map((i) => `${i.code} ${i.path}`)
    throw error
  }
  return []
}

describe('plan files', () => {
  it('lists the shipped plans oldest first and reads each with the procedure versions it names', () => {
    const names = planFiles(dir).map((file) => loadPlanFile(file).plan.name)
    expect(names).toEqual([...names].sort())
    expect(
      [...loadPlanFile(twoTiers).versions.values()].map((d) => [d.code, d.level, d.effective.from]),
    ).toContainEqual(['1.001612', 'commune', '2025-07-01'])
  })

  it('reads procedure versions from the library only, and wants them to start on the plan’s day', () => {
    const { plan } = loadPlanFile(twoTiers)
    const entry = plan.procedures![0]!
    const withVersion = (definition: string) => ({ ...plan, procedures: [{ ...entry, definition }] })
    expect(issuesOf(() => loadPlan(withVersion('../package.json'), dir))).toEqual([
      'plan.procedure /procedures/0/definition',
    ])
    expect(
      issuesOf(() => loadPlan(withVersion('../procedures/dang-ky-thanh-lap-ho-kinh-doanh/procedure.json'), dir)),
    ).toEqual(['plan.procedure /procedures/0/definition'])
    expect(issuesOf(() => loadPlan(plan, dir, 'ke-hoach.json'))).toEqual(['plan.fileName /name'])
  })
})
