import { vietnamDate } from '@motcua/core'
import type { RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { checkDateRules } from './date-rules'
import { validateForm } from './procedure-form'
import { formValidator } from './validator'

const birthDate = (rules: Record<string, unknown>) => ({
  type: 'string',
  format: 'date',
  title: 'Ngày, tháng, năm sinh',
  'x-dateRules': rules,
})

const schema = {
  type: 'object',
  properties: {
    con: {
      type: 'object',
      title: 'Người được khai sinh',
      properties: {
        ngay_sinh: birthDate({
          name: { vi: 'ngày sinh của con', en: "the child's date of birth" },
          notAfter: 'today',
          after: ['/me/ngay_sinh'],
        }),
      },
    },
    me: {
      type: 'object',
      title: 'Thông tin người mẹ',
      properties: {
        ngay_sinh: birthDate({ name: { vi: 'ngày sinh của mẹ', en: "the mother's date of birth" }, notAfter: 'today' }),
      },
    },
  },
} as RJSFSchema

const check = (data: unknown, locale: 'vi' | 'en' = 'vi', keys?: string[]) =>
  validateForm(schema, data, locale, keys, formValidator(locale))

type Node = Record<string, { ngay_sinh?: { __errors?: string[] } }>

describe('date relations in the forms', () => {
  it('puts "not after today" beside the field, with today in Vietnam', () => {
    const errors = check({ con: { ngay_sinh: '2999-01-01' } }, 'vi') as Node
    const today = vietnamDate(new Date()).split('-').reverse().join('/')
    expect(errors.con?.ngay_sinh?.__errors).toEqual([`Ngày sinh của con không thể sau hôm nay (${today})`])
  })

  it('compares a child with its mother, in the reader’s language', () => {
    const data = { con: { ngay_sinh: '1989-01-01' }, me: { ngay_sinh: '1990-03-12' } }
    const vi = check(data, 'vi') as Node
    expect(vi.con?.ngay_sinh?.__errors).toEqual(['Ngày sinh của con phải sau ngày sinh của mẹ (12/03/1990)'])
    const en = check(data, 'en') as Node
    expect(en.con?.ngay_sinh?.__errors).toEqual([
      "The child's date of birth must be after the mother's date of birth (12/03/1990)",
    ])
    expect(check({ con: { ngay_sinh: '1991-01-01' }, me: { ngay_sinh: '1990-03-12' } })).toEqual({})
  })

  it('keeps only the step asked for', () => {
    const data = { con: { ngay_sinh: '1989-01-01' }, me: { ngay_sinh: '2999-03-12' } }
    expect(Object.keys(check(data, 'vi', ['me']))).toEqual(['me'])
  })

  it('says 31/02 does not exist, not that the format is wrong', () => {
    const errors = check({ con: { ngay_sinh: '31/02/2026' } }, 'vi') as Node
    expect(errors.con?.ngay_sinh?.__errors).toEqual(['Ngày 31/02 không có thật: tháng 2 chỉ có 28 hoặc 29 ngày'])
  })

  it('is an rjsf customValidate with a fixed day, for any validator', () => {
    const { errorSchema } = formValidator('vi').validateFormData(
      { con: { ngay_sinh: '2026-12-01' } },
      schema,
      checkDateRules(schema, 'vi', '2026-11-30'),
    )
    expect((errorSchema as Node).con?.ngay_sinh?.__errors).toEqual([
      'Ngày sinh của con không thể sau hôm nay (30/11/2026)',
    ])
  })
})
