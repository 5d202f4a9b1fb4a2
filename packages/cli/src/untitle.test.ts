import { describe, expect, it } from 'vitest'
import { untitle } from './untitle'

describe('untitle', () => {
  it('moves titles to descriptions in every subschema, never touching property names', () => {
    const schema = {
      title: 'Tờ khai',
      type: 'object',
      properties: {
        title: { type: 'string', title: 'Tiêu đề', description: 'Giữ nguyên' },
        gioi_tinh: { type: 'string', oneOf: [{ const: 'nam', title: 'Nam' }] },
        con: {
          type: 'array',
          items: { type: 'object', title: 'Con', properties: { ten: { type: 'string', title: 'Tên' } } },
        },
      },
    }
    expect(untitle(schema)).toEqual({
      description: 'Tờ khai',
      type: 'object',
      properties: {
        title: { type: 'string', description: 'Giữ nguyên' },
        gioi_tinh: { type: 'string', oneOf: [{ const: 'nam', description: 'Nam' }] },
        con: {
          type: 'array',
          items: { type: 'object', description: 'Con', properties: { ten: { type: 'string', description: 'Tên' } } },
        },
      },
    })
  })
})
