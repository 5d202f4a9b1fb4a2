import { describe, expect, it } from 'vitest'
import { describeRule } from './describe-rule'

const schema = {
  type: 'object',
  properties: {
    nguoi_yeu_cau: {
      type: 'object',
      title: 'Người yêu cầu',
      properties: {
        quan_he: {
          type: 'string',
          title: 'Quan hệ',
          enum: ['cha_me', 'uy_quyen'],
          enumNames: ['Cha, mẹ', 'Người được ủy quyền'],
        },
      },
    },
    co_giay: { type: 'boolean', title: 'Có Giấy chứng sinh' },
    so_tang: { type: 'integer', title: 'Số tầng' },
    hang: { type: 'string', title: 'Hạng', enum: ['A1', 'A2', 'B'] },
    noi_dung: {
      type: 'array',
      title: 'Nội dung thay đổi',
      items: { type: 'string', oneOf: [{ const: 'chu_ho', title: 'Chủ hộ' }] },
    },
  },
}
const read = (path: string) => ({ var: path })

describe('describeRule', () => {
  it('says a choice with its label and the titles from the root', () => {
    expect(describeRule({ '==': [read('form.nguoi_yeu_cau.quan_he'), 'uy_quyen'] }, schema)).toBe(
      'Người yêu cầu › Quan hệ: “Người được ủy quyền”',
    )
  })

  it('says yes or no for a boolean, turning != round', () => {
    expect(describeRule({ '==': [read('form.co_giay'), false] }, schema)).toBe('Có Giấy chứng sinh: “Không”')
    expect(describeRule({ '!=': [read('form.co_giay'), false] }, schema)).toBe('Có Giấy chứng sinh: “Có”')
  })

  it('says orders, lists, list membership, and/or (grouped when nested)', () => {
    expect(
      describeRule(
        { or: [{ '>=': [read('form.so_tang'), 7] }, { and: [{ in: ['chu_ho', read('form.noi_dung')] }, true] }] },
        schema,
      ),
    ).toBeUndefined()
    expect(
      describeRule(
        {
          or: [
            { '>=': [read('form.so_tang'), 7] },
            { and: [{ in: ['chu_ho', read('form.noi_dung')] }, { '!': [{ in: [read('form.hang'), ['A1', 'A2']] }] }] },
          ],
        },
        schema,
      ),
    ).toBe('Số tầng từ 7 trở lên hoặc (Nội dung thay đổi: có chọn “Chủ hộ” và Hạng: không phải “A1” hoặc “A2”)')
  })

  it('gives up on what it cannot say: unknown fields, the channel, other operators', () => {
    expect(describeRule({ '==': [read('form.khong_co'), 1] }, schema)).toBeUndefined()
    expect(describeRule({ '==': [read('channel'), 'online'] }, schema)).toBeUndefined()
    expect(describeRule({ if: [true, 1, 2] }, schema)).toBeUndefined()
    expect(describeRule(true, schema)).toBeUndefined()
  })
})
