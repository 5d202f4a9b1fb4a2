import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'
import { dateRuleErrors } from './date-rules'
import { localize, toIssues } from './localize'

const date = (rules: Record<string, unknown>, title = 'Ngày, tháng, năm sinh') => ({
  type: 'string',
  format: 'date',
  title,
  'x-dateRules': rules,
})

// the shape of the birth-registration form: a child after each parent, nobody born after today
const birth = {
  type: 'object',
  title: 'Tờ khai đăng ký khai sinh',
  properties: {
    con: {
      type: 'object',
      title: 'Người được khai sinh',
      properties: {
        ngay_sinh: date({
          name: { vi: 'ngày sinh của con', en: "the child's date of birth" },
          notAfter: 'today',
          after: ['/me/ngay_sinh', '/cha/ngay_sinh'],
        }),
      },
    },
    me: {
      type: 'object',
      title: 'Thông tin người mẹ',
      properties: {
        ngay_sinh: date({ name: { vi: 'ngày sinh của mẹ', en: "the mother's date of birth" }, notAfter: 'today' }),
      },
    },
    cha: {
      type: 'object',
      title: 'Thông tin người cha',
      properties: { ngay_sinh: date({ notAfter: 'today' }) },
    },
    giay_to: {
      type: 'array',
      items: { type: 'object', properties: { ngay_cap: date({ notAfter: 'today' }, 'Ngày cấp') } },
    },
  },
}

const TODAY = '2026-11-30'

function messages(data: unknown, locale: 'vi' | 'en' = 'vi') {
  const errors = dateRuleErrors(birth, data, TODAY)
  localize(errors, locale)
  return errors.map((e) => [e.instancePath, e.message])
}

describe('dateRuleErrors', () => {
  it('refuses a birth date after today, saying which day today is', () => {
    expect(messages({ con: { ngay_sinh: '2026-12-01' } })).toEqual([
      ['/con/ngay_sinh', 'Ngày sinh của con không thể sau hôm nay (30/11/2026)'],
    ])
    expect(messages({ con: { ngay_sinh: '2026-12-01' } }, 'en')).toEqual([
      ['/con/ngay_sinh', "The child's date of birth cannot be after today (30/11/2026)"],
    ])
  })

  it('accepts today itself and any day before', () => {
    expect(messages({ con: { ngay_sinh: TODAY }, me: { ngay_sinh: '1990-03-12' } })).toEqual([])
  })

  it('wants a child born after each parent, naming the parent and the day', () => {
    const data = { con: { ngay_sinh: '1989-05-01' }, me: { ngay_sinh: '1990-03-12' }, cha: { ngay_sinh: '1985-01-01' } }
    expect(messages(data)).toEqual([['/con/ngay_sinh', 'Ngày sinh của con phải sau ngày sinh của mẹ (12/03/1990)']])
    expect(messages(data, 'en')).toEqual([
      ['/con/ngay_sinh', "The child's date of birth must be after the mother's date of birth (12/03/1990)"],
    ])
  })

  it('names a field without a name of its own by its title and its group', () => {
    const data = { con: { ngay_sinh: '1980-05-01' }, cha: { ngay_sinh: '1985-01-01' } }
    expect(messages(data)).toEqual([
      ['/con/ngay_sinh', 'Ngày sinh của con phải sau ngày, tháng, năm sinh (Thông tin người cha) (01/01/1985)'],
    ])
  })

  it('checks every item of a list at its own path', () => {
    const data = { giay_to: [{ ngay_cap: '2020-01-01' }, { ngay_cap: '2027-01-01' }] }
    expect(messages(data)).toEqual([['/giay_to/1/ngay_cap', 'Ngày cấp không thể sau hôm nay (30/11/2026)']])
  })

  it('leaves empty, unreal or missing dates to the schema', () => {
    expect(messages({ con: { ngay_sinh: '31/02/2026' }, me: { ngay_sinh: '2030-01-01' } })).toEqual([
      ['/me/ngay_sinh', 'Ngày sinh của mẹ không thể sau hôm nay (30/11/2026)'],
    ])
    expect(messages({ con: { ngay_sinh: '2000-01-01' }, me: { ngay_sinh: '2026-02-31' } })).toEqual([])
    expect(messages({})).toEqual([])
  })

  it('reads the rules through $ref and combinators, and compares strictly or not as asked', () => {
    const schema = {
      type: 'object',
      definitions: { tu: date({ notBefore: '/den' }, 'Từ ngày') },
      properties: { tu: { $ref: '#/definitions/tu' }, den: date({ after: 'today' }, 'Đến ngày') },
    }
    const errors = dateRuleErrors(schema, { tu: '2026-12-05', den: '2026-12-10' }, TODAY)
    localize(errors, 'vi')
    expect(errors.map((e) => e.message)).toEqual(['Từ ngày không thể trước đến ngày (10/12/2026)'])
    expect(dateRuleErrors(schema, { tu: '2026-12-10', den: '2026-12-10' }, TODAY)).toEqual([])
    const past = dateRuleErrors(schema, { den: TODAY }, TODAY)
    localize(past, 'vi')
    expect(past.map((e) => e.message)).toEqual(['Đến ngày phải sau hôm nay (30/11/2026)'])
  })

  it('gives the server issues with the JSON path and both languages', () => {
    const [issue] = toIssues(dateRuleErrors(birth, { con: { ngay_sinh: '2027-01-01' } }, TODAY))
    expect(issue).toMatchObject({
      code: 'x-dateRules',
      path: '/con/ngay_sinh',
      message: { vi: 'Ngày sinh của con không thể sau hôm nay (30/11/2026)' },
    })
  })
})

describe('the x-dateRules keyword', () => {
  it('compiles in strict mode and leaves validation to dateRuleErrors', () => {
    const validate = createAjv().compile(birth)
    expect(validate({ con: { ngay_sinh: '2099-01-01' } })).toBe(true)
  })

  it('refuses a rule of the wrong shape when the schema is compiled', () => {
    const ajv = createAjv()
    expect(() => ajv.compile(date({ notAfter: 'tomorrow' }))).toThrow(/keyword "x-dateRules" value is invalid/)
    expect(() => ajv.compile(date({ later: 'today' }))).toThrow(/x-dateRules/)
    expect(() => ajv.compile(date({}))).toThrow(/x-dateRules/)
    expect(() => ajv.compile(date({ after: ['/me/ngay_sinh', 'today'], name: { vi: 'ngày cấp' } }))).not.toThrow()
  })
})
