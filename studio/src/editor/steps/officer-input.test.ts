import type { DecisionInput } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { addField, kindOf, removeField, renameField, setRequired, withKind } from './officer-input'

describe('officer input fields', () => {
  it('reads and changes a field’s kind, keeping its title', () => {
    expect(kindOf({ type: 'string', format: 'date' })).toBe('date')
    expect(kindOf({ type: 'string', enum: ['a'] })).toBe('choice')
    expect(kindOf({ type: 'integer' })).toBe('integer')
    expect(withKind({ type: 'string', title: 'Kết quả' }, 'choice', ['phu_hop', 'khong_phu_hop'])).toEqual({
      type: 'string',
      title: 'Kết quả',
      enum: ['phu_hop', 'khong_phu_hop'],
    })
    expect(withKind({ type: 'string', title: 'Ngày', enum: ['x'] }, 'date')).toEqual({
      type: 'string',
      format: 'date',
      title: 'Ngày',
    })
  })

  it('adds, renames, requires and removes fields without losing the others', () => {
    let input: DecisionInput | undefined = addField(undefined, 'so', { type: 'string', title: 'Số' })
    input = addField(input, 'ngay', withKind(undefined, 'date'))
    input = setRequired(input, 'so', true)
    input = renameField(input, 'so', 'so_giay_phep')
    expect(input).toEqual({
      type: 'object',
      properties: { so_giay_phep: { type: 'string', title: 'Số' }, ngay: { type: 'string', format: 'date' } },
      required: ['so_giay_phep'],
    })
    input = removeField(input, 'so_giay_phep')
    expect(input).toEqual({ type: 'object', properties: { ngay: { type: 'string', format: 'date' } } })
    expect(removeField(input!, 'ngay')).toBeUndefined()
  })
})
