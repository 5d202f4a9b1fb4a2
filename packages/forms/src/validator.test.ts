import type { RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { formValidator } from './validator'

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    me: {
      type: 'object',
      properties: {
        ho_ten: { type: 'string', title: 'Họ tên', minLength: 1 },
        so_dinh_danh: { type: 'string', format: 'cccd' },
        so_dien_thoai: { type: 'string', format: 'vn-mobile' },
        le_phi: { type: 'integer', format: 'vnd' },
      },
      required: ['ho_ten'],
    },
  },
}

describe('the forms validator', () => {
  it('knows the Vietnamese formats and speaks Vietnamese beside each field', () => {
    const { errorSchema } = formValidator('vi').validateFormData(
      { me: { so_dinh_danh: '12345', so_dien_thoai: '0912345678', le_phi: 1.5 } },
      schema,
    )
    const me = (errorSchema as Record<string, unknown>).me as Record<string, { __errors?: string[] }>
    expect(me.ho_ten?.__errors).toEqual(['Vui lòng nhập thông tin bắt buộc này'])
    expect(me.so_dinh_danh?.__errors?.[0]).toMatch(/Số căn cước gồm 12 chữ số/)
    expect(me.so_dien_thoai).toBeUndefined()
    expect(me.le_phi?.__errors?.[0]).toMatch(/số nguyên|Số tiền/)
  })

  it('speaks English when asked, and reuses one validator per locale', () => {
    const { errorSchema } = formValidator('en').validateFormData({ me: {} }, schema)
    expect(
      ((errorSchema as Record<string, unknown>).me as Record<string, { __errors?: string[] }>).ho_ten?.__errors,
    ).toEqual(['Please fill in this required field'])
    expect(formValidator('vi')).toBe(formValidator('vi'))
  })

  it('accepts a valid form', () => {
    expect(
      formValidator('vi').validateFormData({ me: { ho_ten: 'Trần Thị Mai', so_dinh_danh: '022197004567' } }, schema)
        .errors,
    ).toEqual([])
  })
})

describe('a plugin’s format', () => {
  const formats = {
    'so-to-ban-do': {
      pattern: '^[0-9]{1,4}$',
      message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số, ví dụ 32', en: 'A map sheet number has 1–4 digits, e.g. 32' },
    },
  }
  const withFormat: RJSFSchema = { type: 'object', properties: { to: { type: 'string', format: 'so-to-ban-do' } } }

  it('is checked with its pattern, with the plugin’s own message in each locale', () => {
    const errorsOf = (locale: 'vi' | 'en', to: string) =>
      (
        formValidator(locale, formats).validateFormData({ to }, withFormat).errorSchema as Record<
          string,
          { __errors?: string[] }
        >
      ).to?.__errors
    expect(errorsOf('vi', '32')).toBeUndefined()
    expect(errorsOf('vi', '32a')).toEqual(['Số tờ bản đồ gồm 1–4 chữ số, ví dụ 32'])
    expect(errorsOf('en', '12345')).toEqual(['A map sheet number has 1–4 digits, e.g. 32'])
  })
})
