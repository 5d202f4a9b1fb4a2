import { describe, expect, it } from 'vitest'
import { firstErrorId, hasErrors, issuesByName, issuesToErrorSchema, pickErrors } from './error-schema'

const m = (vi: string) => ({ vi, en: `en ${vi}` })

describe('error schemas', () => {
  const issues = [
    { code: 'required', path: '/formData/me/ho_ten', message: m('Vui lòng nhập') },
    { code: 'format', path: '/formData/me/so_dinh_danh', message: m('Số căn cước') },
    { code: 'format', path: '/formData/list/0/a~1b', message: m('x') },
    { code: 'component.missing', path: '/components/giay_chung_sinh', message: m('Đính kèm') },
  ]

  it('places API issues under their fields', () => {
    expect(issuesToErrorSchema(issues, '/formData', 'vi')).toEqual({
      me: { ho_ten: { __errors: ['Vui lòng nhập'] }, so_dinh_danh: { __errors: ['Số căn cước'] } },
      list: { 0: { 'a/b': { __errors: ['x'] } } },
    })
    expect(issuesToErrorSchema(issues, '/components', 'en')).toEqual({ giay_chung_sinh: { __errors: ['en Đính kèm'] } })
  })

  it('tells whether there is an error, picks a step, and finds the first field', () => {
    const schema = issuesToErrorSchema(issues, '/formData', 'vi')
    expect(hasErrors(schema)).toBe(true)
    expect(hasErrors({ me: {} })).toBe(false)
    expect(Object.keys(pickErrors(schema, ['me', 'cha']))).toEqual(['me'])
    expect(firstErrorId(schema)).toBe('root_me_ho_ten')
    expect(firstErrorId({})).toBeUndefined()
  })
})

describe('the error summary', () => {
  it('lists each message with its field id and title', async () => {
    const { listErrors } = await import('./error-schema')
    const schema = {
      type: 'object',
      properties: {
        me: { type: 'object', title: 'Mẹ', properties: { ho_ten: { type: 'string', title: 'Họ tên' } } },
        ds: { type: 'array', items: { type: 'object', properties: { a: { type: 'string', title: 'A' } } } },
      },
    }
    expect(
      listErrors({ me: { ho_ten: { __errors: ['Thiếu'] } }, ds: { 1: { a: { __errors: ['Sai'] } } } }, schema),
    ).toEqual([
      { id: 'root_me_ho_ten', label: 'Họ tên', message: 'Thiếu' },
      { id: 'root_ds_1_a', label: 'A', message: 'Sai' },
    ])
  })
})

describe('issuesByName', () => {
  const message = (vi: string) => ({ vi, en: vi })
  const issues = [
    { code: 'required', path: '/applicant', message: message('Nhập họ tên') },
    { code: 'format', path: '/applicant/phone', message: message('Số điện thoại sai') },
    { code: 'component.missing', path: '/components/giay_chung_sinh', message: message('Đính kèm giấy chứng sinh') },
    { code: 'required', path: '/applicantNote', message: message('không thuộc người nộp') },
  ]

  it('keys each issue of a part by the name after it, and one about the part itself by the name given', () => {
    expect(issuesByName(issues, '/applicant', 'vi', 'fullName')).toEqual({
      fullName: 'Nhập họ tên',
      phone: 'Số điện thoại sai',
    })
    expect(issuesByName(issues, '/components', 'vi')).toEqual({ giay_chung_sinh: 'Đính kèm giấy chứng sinh' })
    expect(issuesByName(issues, '/delivery', 'vi')).toEqual({})
  })
})
