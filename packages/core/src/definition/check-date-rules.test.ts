import { describe, expect, it } from 'vitest'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

const day = (title: string, rules?: unknown) => ({
  type: 'string',
  format: 'date',
  title,
  ...(rules === undefined ? {} : { 'x-dateRules': rules }),
})

// the sample definition with a parent and a child whose birth dates relate
function withDates(childRules: unknown, extra: Record<string, unknown> = {}) {
  const def = sampleDefinition()
  Object.assign(def.form.schema.properties, {
    me: { type: 'object', properties: { ngay_sinh: day('Ngày sinh của mẹ', { notAfter: 'today' }) } },
    con: { type: 'object', properties: { ngay_sinh: day('Ngày sinh của con', childRules) } },
    ...extra,
  })
  return def
}

const problems = (input: unknown) => {
  const result = validateDefinition(input)
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path])
}

const RULES = '/form/schema/properties/con/properties/ngay_sinh/x-dateRules'

describe('x-dateRules in a definition', () => {
  it('accepts today and pointers to the form’s date fields, alone or in a list', () => {
    expect(problems(withDates({ notAfter: 'today', after: ['/me/ngay_sinh'] }))).toEqual([])
    expect(
      problems(withDates({ after: '/me/ngay_sinh', name: { vi: 'ngày sinh của con', en: 'the child’s' } })),
    ).toEqual([])
  })

  it('refuses a pointer to no field of the form, at its own path', () => {
    expect(problems(withDates({ notAfter: 'today', after: ['/me/ngay_sinh', '/bo/ngay_sinh'] }))).toEqual([
      ['form.dateRules.unknownField', `${RULES}/after/1`],
    ])
    expect(problems(withDates({ before: '/con/ngay_cuoi' }))).toEqual([
      ['form.dateRules.unknownField', `${RULES}/before`],
    ])
  })

  it('refuses a pointer to a field that is not a date, and rules on a field that is not one', () => {
    const def = withDates({ after: '/nguoi_yeu_cau/ho_ten' })
    expect(problems(def)).toEqual([['form.dateRules.notADateField', `${RULES}/after`]])
    const onText = sampleDefinition()
    Object.assign(onText.form.schema.properties, {
      ghi_chu: { type: 'string', 'x-dateRules': { notAfter: 'today' } },
    })
    expect(problems(onText)).toEqual([['form.dateRules.notADate', '/form/schema/properties/ghi_chu/x-dateRules']])
  })

  it('follows a $ref to a shared date definition', () => {
    const def = withDates({ after: '/cha/ngay_sinh' })
    Object.assign(def.form.schema, { definitions: { ngay: { type: 'string', format: 'date' } } })
    Object.assign(def.form.schema.properties, {
      cha: { type: 'object', properties: { ngay_sinh: { $ref: '#/definitions/ngay' } } },
    })
    expect(problems(def)).toEqual([])
  })

  it('refuses a rule of the wrong shape as a form schema problem, with advice', () => {
    const result = validateDefinition(withDates({ notAfter: 'tomorrow' }))
    expect(result.ok).toBe(false)
    const issues = result.ok ? [] : result.issues
    expect(issues.map((i) => [i.code, i.path])).toEqual([['form.schema.invalid', RULES]])
    expect(issues[0]?.message.vi).toMatch(/quy tắc ngày "x-dateRules" viết sai/)
  })
})
