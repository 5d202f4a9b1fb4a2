import { describe, expect, it } from 'vitest'
import { budgetFrom, budgetParts, budgetSummary } from './budget'

describe('budgetSummary', () => {
  it('sums in the total’s unit: hours into working days', () => {
    const steps = [
      { budget: { kind: 'workingHours', hours: 4 } },
      { budget: { kind: 'workingDays', days: 2 } },
      { budget: { kind: 'calendarDays', days: 1 } },
      {},
    ]
    expect(budgetSummary(steps, { kind: 'workingDays', days: 3 })).toEqual({
      used: 3.5,
      limit: 3,
      unit: 'workingDays',
      unbudgeted: 1,
      exceeds: true,
    })
    expect(budgetSummary(steps, { kind: 'workingDays', days: 4 }).exceeds).toBe(false)
  })

  it('counts a same-day total as 8 working hours and never flags a total of none', () => {
    const steps = [{ budget: { kind: 'workingHours', hours: 6 } }, { budget: { kind: 'workingHours', hours: 3 } }]
    expect(budgetSummary(steps, { kind: 'sameDay', cutoff: '15:00' })).toMatchObject({
      used: 9,
      limit: 8,
      exceeds: true,
    })
    const none = budgetSummary(steps, { kind: 'none' })
    expect([none.limit, none.exceeds]).toEqual([undefined, false])
  })

  it('does not fail on floating-point dust (0.1-day fractions)', () => {
    const steps = Array.from({ length: 10 }, () => ({ budget: { kind: 'workingDays', days: 0.1 } }))
    expect(budgetSummary(steps, { kind: 'workingDays', days: 1 }).exceeds).toBe(false)
  })
})

describe('budget editor parts', () => {
  it('round-trips a budget through its number and unit', () => {
    expect(budgetFrom(0.5, 'workingDays')).toEqual({ kind: 'workingDays', days: 0.5 })
    expect(budgetParts(budgetFrom(4, 'workingHours'))).toEqual({ value: 4, unit: 'workingHours' })
    expect(budgetFrom(3, 'none')).toBeUndefined()
  })
})
