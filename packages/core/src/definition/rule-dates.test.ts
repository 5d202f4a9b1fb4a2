import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { applyRule } from './json-logic'
import { daysBetween, yearsBetween } from './rule-dates'

describe('days_between and years_between', () => {
  it('counts whole days, negative backwards, across a leap day', () => {
    expect(daysBetween('2026-01-01', '2026-03-02')).toBe(60)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-02', '2026-01-01')).toBe(-60)
  })

  it('counts whole years on the anniversary; 29 February ends on 28 February in a common year (BLDS art. 148)', () => {
    expect(yearsBetween('2008-11-30', '2026-11-29')).toBe(17)
    expect(yearsBetween('2008-11-30', '2026-11-30')).toBe(18)
    expect(yearsBetween('2008-02-29', '2026-02-27')).toBe(17)
    expect(yearsBetween('2008-02-29', '2026-02-28')).toBe(18)
    expect(yearsBetween('2008-02-29', '2028-02-28')).toBe(19)
    expect(yearsBetween('2008-02-29', '2028-02-29')).toBe(20)
    expect(yearsBetween('2026-11-30', '2008-11-30')).toBe(-18)
  })

  it('evaluates in a rule over the form and today', () => {
    const rule = { '>=': [{ years_between: [{ var: 'form.ngay_sinh' }, { var: 'today' }] }, 18] }
    expect(applyRule(rule, { form: { ngay_sinh: '2008-11-30' }, case: null, today: '2026-11-30' }, '/r')).toBe(true)
    expect(applyRule(rule, { form: { ngay_sinh: '2008-12-01' }, case: null, today: '2026-11-30' }, '/r')).toBe(false)
  })

  it('refuses a date that does not exist with a rule error naming it, never NaN', () => {
    const rule = { days_between: [{ var: 'form.ngay' }, { var: 'today' }] }
    for (const ngay of ['2026-02-30', '30/11/2026', null, 20261130]) {
      let error: unknown
      try {
        applyRule(rule, { form: { ngay }, case: null, today: '2026-11-30' }, '/fees/0/rule')
      } catch (caught) {
        error = caught
      }
      expect(DomainError.is(error) && error.code).toBe('INVALID_DATA')
      expect((error as DomainError).issues[0]).toMatchObject({ code: 'rule.invalidDate', path: '/fees/0/rule' })
      expect((error as DomainError).userMessage.vi).toContain('không phải là ngày hợp lệ')
    }
  })
})
