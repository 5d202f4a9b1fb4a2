import { describe, expect, it } from 'vitest'
import { checkBudget } from './check-budget'
import type { ProcedureDefinition, ProcessingTime, StepBudget } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'

const withBudgets = (time: ProcessingTime, ...budgets: (StepBudget | undefined)[]) => {
  const def = sampleDefinition()
  def.processingTime = time
  delete def.cases
  def.steps.forEach((step, i) => {
    if (budgets[i]) step.budget = budgets[i]
    else delete step.budget
  })
  return checkBudget(def)
}

describe('step budgets against the processing time', () => {
  it("names both numbers in the total's unit, and the steps", () => {
    const [found] = withBudgets(
      { kind: 'workingDays', days: 10 },
      { kind: 'workingDays', days: 0.5 },
      { kind: 'workingDays', days: 10 },
      { kind: 'workingDays', days: 1 },
      { kind: 'workingDays', days: 0.5 },
    )
    expect(found?.message.vi).toBe(
      'Tổng thời hạn các bước là 12 ngày làm việc (tiep_nhan 0,5 ngày làm việc + xu_ly 10 ngày làm việc + phe_duyet 1 ngày làm việc + tra_ket_qua 0,5 ngày làm việc), vượt thời hạn giải quyết 10 ngày làm việc. Hãy rút ngắn thời hạn của các bước hoặc sửa thời hạn giải quyết.',
    )
    expect(found?.params).toMatchObject({ budget: 12, limit: 10, unit: 'workingDays' })
  })

  it('compares calendar days with calendar days', () => {
    expect(withBudgets({ kind: 'calendarDays', days: 15 }, undefined, { kind: 'calendarDays', days: 15 })).toEqual([])
    const [found] = withBudgets(
      { kind: 'calendarDays', days: 15 },
      undefined,
      { kind: 'calendarDays', days: 10 },
      { kind: 'calendarDays', days: 7 },
    )
    expect(found?.message.vi).toMatch(
      /^Tổng thời hạn các bước là 17 ngày \(xu_ly 10 ngày \+ phe_duyet 7 ngày\), vượt thời hạn giải quyết 15 ngày\./,
    )
  })

  it('says how mixed kinds are converted', () => {
    const [found] = withBudgets(
      { kind: 'workingDays', days: 3 },
      { kind: 'workingHours', hours: 4 },
      { kind: 'calendarDays', days: 3 },
    )
    expect(found?.message.vi).toContain('là 3,5 ngày làm việc (tiep_nhan 4 giờ làm việc + xu_ly 3 ngày)')
    expect(found?.message.vi).toContain('1 ngày theo lịch tính như 1 ngày làm việc')
  })

  it('names the case whose steps do not fit', () => {
    const def = sampleDefinition()
    def.cases![0]!.processingTime = { kind: 'workingDays', days: 3 }
    const [found] = checkBudget(def as ProcedureDefinition)
    expect(found).toMatchObject({ code: 'budget.exceedsTotal', path: '/cases/0/steps' })
    expect(found?.message.vi).toMatch(
      /^Trường hợp “.+”: Tổng thời hạn các bước là .+, vượt thời hạn giải quyết 3 ngày làm việc/,
    )
  })
})
