import { describe, expect, it } from 'vitest'
import { formFields } from './form-fields'

describe('formFields', () => {
  it('lists plain, nested and choice fields with their titles and options', () => {
    const schema = {
      type: 'object',
      properties: {
        nguoi: {
          type: 'object',
          title: 'Người yêu cầu',
          properties: { ngay_sinh: { type: 'string', format: 'date', title: 'Ngày sinh' } },
        },
        doi_tuong: { type: 'string', title: 'Đối tượng', enum: ['tre_em', 'khac'], enumNames: ['Trẻ em', 'Khác'] },
        mien: { type: 'boolean', title: 'Được miễn' },
        hang: { type: 'string', oneOf: [{ const: 'A1', title: 'Hạng A1' }] },
        noi_dung: { type: 'array', items: { type: 'string', enum: ['chu_ho'] } },
        giay_to: { type: 'array', items: { type: 'object', properties: {} } },
      },
    }
    expect(formFields(schema)).toEqual([
      { path: 'form.nguoi.ngay_sinh', title: 'Người yêu cầu › Ngày sinh', type: 'string', format: 'date' },
      {
        path: 'form.doi_tuong',
        title: 'Đối tượng',
        type: 'string',
        options: [
          { value: 'tre_em', label: 'Trẻ em' },
          { value: 'khac', label: 'Khác' },
        ],
      },
      { path: 'form.mien', title: 'Được miễn', type: 'boolean' },
      { path: 'form.hang', title: 'hang', type: 'string', options: [{ value: 'A1', label: 'Hạng A1' }] },
      { path: 'form.noi_dung', title: 'noi_dung', type: 'array', options: [{ value: 'chu_ho', label: 'chu_ho' }] },
    ])
  })
})
