import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { compileFormValidator } from './form-validator'
import { sampleDefinition } from './test-fixture'

const TODAY = '2026-11-30'

describe('compileFormValidator', () => {
  const validate = compileFormValidator(sampleDefinition())

  it('accepts valid form data', () => {
    expect(
      validate({ nguoi_yeu_cau: { ho_ten: 'Trần Thị Bình', cccd: '022095000123' }, so_trang: 3, so_ban: 1 }, TODAY),
    ).toEqual([])
  })

  it('returns every issue at the JSON pointer of its field', () => {
    const issues = validate({ nguoi_yeu_cau: { ho_ten: '', cccd: '12' }, so_trang: 0 }, TODAY)
    expect(issues.map((issue) => [issue.code, issue.path]).sort()).toEqual([
      ['format', '/nguoi_yeu_cau/cccd'],
      ['minLength', '/nguoi_yeu_cau/ho_ten'],
      ['minimum', '/so_trang'],
      ['required', '/so_ban'],
    ])
    for (const issue of issues) expect(issue.message.vi).not.toBe('')
  })

  it('checks a plugin’s format with its pattern and answers with the plugin’s own message', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, { so_to: { type: 'string', format: 'so-to-ban-do' } })
    const message = { vi: 'Số tờ bản đồ gồm 1–4 chữ số, ví dụ 12', en: 'A map sheet number has 1–4 digits' }
    const withFormat = compileFormValidator(def, { 'so-to-ban-do': { pattern: '^[0-9]{1,4}$', message } })
    const valid = { nguoi_yeu_cau: { ho_ten: 'Trần Thị Bình', cccd: '022095000123' }, so_trang: 3, so_ban: 1 }
    expect(withFormat({ ...valid, so_to: '12' }, TODAY)).toEqual([])
    expect(withFormat({ ...valid, so_to: '12a' }, TODAY)).toEqual([
      { code: 'format', path: '/so_to', message, params: { format: 'so-to-ban-do' } },
    ])
    expect(() => compileFormValidator(def)).toThrow(DomainError) // unknown without the plugin
  })

  it('checks the date fields’ x-dateRules against the day it is given, after the schema', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, {
      ngay_sinh: { type: 'string', format: 'date', title: 'Ngày sinh', 'x-dateRules': { notAfter: 'today' } },
    })
    const check = compileFormValidator(def)
    const valid = { nguoi_yeu_cau: { ho_ten: 'Trần Thị Bình', cccd: '022095000123' }, so_trang: 3, so_ban: 1 }
    expect(check({ ...valid, ngay_sinh: '2026-11-30' }, TODAY)).toEqual([])
    const [issue, ...rest] = check({ ...valid, ngay_sinh: '2026-12-01' }, TODAY)
    expect(rest).toEqual([])
    expect(issue).toMatchObject({
      code: 'x-dateRules',
      path: '/ngay_sinh',
      message: {
        vi: 'Ngày sinh không thể sau hôm nay (30/11/2026)',
        en: 'Ngày sinh cannot be after today (30/11/2026)',
      },
    })
    expect(check({ ...valid, ngay_sinh: '2026-12-01' }, '2026-12-01')).toEqual([])
  })

  it('throws INVALID_DATA when the schema does not compile', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, { x: { type: 'string', widget: 'textarea' } })
    expect(() => compileFormValidator(def)).toThrow(DomainError)
  })

  it('compiles schemas with the same $id twice', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema, { $id: 'https://example.com/form.json' })
    expect(() => [compileFormValidator(def), compileFormValidator(def)]).not.toThrow()
  })
})
