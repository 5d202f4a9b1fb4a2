import type { RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { countFields, formSteps, orderedKeys } from './form-steps'

const person = (title: string): RJSFSchema => ({
  type: 'object',
  title,
  properties: {
    ho_ten: { type: 'string' },
    ngay_sinh: { type: 'string' },
    so_dinh_danh: { type: 'string' },
    noi_cu_tru: { type: 'string' },
  },
})
const schema: RJSFSchema = {
  type: 'object',
  properties: {
    so_ban_sao: { type: 'integer' },
    nguoi_yeu_cau: person('Người yêu cầu'),
    me: person('Người mẹ'),
    cam_doan: { type: 'boolean' },
    ghi_chu: { type: 'string' },
    giay_to: {
      type: 'array',
      title: 'Giấy tờ',
      items: { type: 'object', properties: { ten: { type: 'string' }, so_trang: { type: 'integer' } } },
    },
  },
}

describe('form steps', () => {
  it('orders keys by ui:order, with the * wildcard', () => {
    expect(orderedKeys(schema, { 'ui:order': ['me', '*', 'so_ban_sao'] })).toEqual([
      'me',
      'nguoi_yeu_cau',
      'cam_doan',
      'ghi_chu',
      'giay_to',
      'so_ban_sao',
    ])
    expect(orderedKeys(schema, { 'ui:order': ['giay_to'] })[0]).toBe('giay_to')
  })

  it('counts answerable fields', () => {
    expect(countFields(schema)).toBe(1 + 4 + 4 + 1 + 1 + 2)
  })

  it('gives each group a step and groups consecutive simple fields', () => {
    const steps = formSteps(schema, {
      'ui:order': ['nguoi_yeu_cau', 'me', 'cam_doan', 'ghi_chu', 'giay_to', 'so_ban_sao'],
    })
    expect(steps.map((s) => [s.title, s.keys])).toEqual([
      ['Người yêu cầu', ['nguoi_yeu_cau']],
      ['Người mẹ', ['me']],
      ['Thông tin khác', ['cam_doan', 'ghi_chu']],
      ['Giấy tờ', ['giay_to']],
      ['Thông tin khác', ['so_ban_sao']],
    ])
  })

  it('keeps a short form in one step', () => {
    const short: RJSFSchema = { type: 'object', properties: { a: { type: 'string' }, b: person('B') } }
    expect(formSteps(short)).toHaveLength(1)
    expect(formSteps(short)[0]!.keys).toEqual(['a', 'b'])
  })
})
