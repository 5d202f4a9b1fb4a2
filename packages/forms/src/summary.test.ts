import type { RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { showValue, summarizeForm } from './summary'

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    nguoi: {
      type: 'object',
      title: 'Người yêu cầu',
      properties: {
        ho_ten: { type: 'string', title: 'Họ tên' },
        gioi_tinh: {
          type: 'string',
          title: 'Giới tính',
          oneOf: [
            { const: 'nam', title: 'Nam' },
            { const: 'nu', title: 'Nữ' },
          ],
        },
        ngay_sinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
      },
    },
    le_phi: { type: 'integer', format: 'vnd', title: 'Số tiền' },
    cam_doan: { type: 'boolean', title: 'Cam đoan' },
    giay_to: {
      type: 'array',
      title: 'Giấy tờ',
      items: { type: 'object', title: 'Giấy tờ', properties: { ten: { type: 'string', title: 'Tên' } } },
    },
    ghi_chu: { type: 'string', title: 'Ghi chú' },
  },
}

describe('the read-back of a form', () => {
  it('shows values as people read them', () => {
    expect(showValue({ type: 'string', format: 'date' }, '2026-11-20')).toBe('20/11/2026')
    expect(showValue({ type: 'integer', format: 'vnd' }, 1500000)).toBe('1.500.000 đ')
    expect(showValue({ type: 'boolean' }, true)).toBe('Có')
    expect(showValue({ type: 'boolean', oneOf: [{ const: true, title: 'Đúng' }] }, true)).toBe('Đúng')
    expect(showValue({ type: 'boolean' }, false, 'en')).toBe('No')
  })

  it('lists groups and values in order, skipping empty ones', () => {
    const rows = summarizeForm(
      schema,
      { 'ui:order': ['le_phi', '*'] },
      {
        nguoi: { ho_ten: 'Trần Thị Mai', gioi_tinh: 'nu', ngay_sinh: '1997-03-12' },
        le_phi: 135000,
        cam_doan: true,
        giay_to: [{ ten: 'Bằng tốt nghiệp' }],
        ghi_chu: '',
      },
    )
    expect(rows.map((r) => [r.depth, r.label, r.value])).toEqual([
      [0, 'Số tiền', '135.000 đ'],
      [0, 'Người yêu cầu', undefined],
      [1, 'Họ tên', 'Trần Thị Mai'],
      [1, 'Giới tính', 'Nữ'],
      [1, 'Ngày sinh', '12/03/1997'],
      [0, 'Cam đoan', 'Có'],
      [0, 'Giấy tờ', undefined],
      [1, 'Giấy tờ 1', undefined],
      [2, 'Tên', 'Bằng tốt nghiệp'],
    ])
    expect(rows[2]!.path).toBe('/nguoi/ho_ten')
  })
})
