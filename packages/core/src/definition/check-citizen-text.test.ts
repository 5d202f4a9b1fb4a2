import { describe, expect, it } from 'vitest'
import { editingMark } from '../text'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

const marks = (def: ProcedureDefinition) => {
  const result = validateDefinition(def)
  return result.ok ? [] : result.issues.filter((i) => i.code === 'text.editingMark').map((i) => [i.path, i.params])
}

describe('editingMark', () => {
  it.each([
    ['Lệ phí 135.000 đồng (verify)', '(verify)'],
    ['Mẫu 01 (Verify số mẫu)', '(Verify số mẫu)'],
    ['Thông tư 37/2023/TT-BTC; verify', 'verify'],
    ['TODO: thêm mẫu đơn', 'TODO'],
    ['Phí công bố fixme', 'fixme'],
    ['Thời hạn ??? ngày', '???'],
    ['Bản sao (?)', '(?)'],
    ['Giấy tờ tùy thân [cần kiểm tra]', '[cần kiểm tra]'],
    ['Mức thu (cần xác minh với Sở Tài chính)', '(cần xác minh với Sở Tài chính)'],
    ['Mức phổ biến, chưa kiểm chứng cho Quảng Ninh', 'chưa kiểm chứng'],
    ['Hồ sơ (kiểm tra lại)'.normalize('NFD'), '(kiểm tra lại)'],
  ])('finds the mark in %j', (text, mark) => {
    expect(editingMark(text)).toBe(mark)
  })

  it.each([
    'Trường hợp cần xác minh thì không quá 05 ngày làm việc',
    'Xác minh tình trạng hôn nhân',
    'Certifying copies against originals',
    'Bạn có câu hỏi? Gọi 1900 xxxx',
    'Cán bộ kiểm tra lại hồ sơ trước khi trình ký',
  ])('finds none in %j', (text) => {
    expect(editingMark(text)).toBeUndefined()
  })
})

describe('validateDefinition: editing marks in citizen text', () => {
  it('accepts the clean sample', () => {
    expect(marks(sampleDefinition())).toEqual([])
  })

  it('flags every kind of text a citizen sees, by JSON pointer', () => {
    const def = sampleDefinition()
    def.name = 'Chứng thực bản sao (verify)'
    def.conditions = ['Có bản chính', 'Xuất trình giấy tờ TODO']
    def.result = 'Bản sao được chứng thực ???'
    def.processingTime = { kind: 'sameDay', cutoff: '15:00', text: 'Trong ngày (verify)' }
    def.legalBasis = [{ title: 'Nghị định 23/2015/NĐ-CP', note: 'Điều 20 (verify)' }]
    def.components[0]!.note = 'Bản chính [cần kiểm tra]'
    def.components[0]!.template = { name: 'Mẫu đơn', code: 'Mẫu 01 (verify số mẫu)' }
    def.fees[0]!.note = 'Không thu (verify)'
    def.cases![0]!.name = 'Trường hợp FIXME'
    def.steps[0]!.name = 'Tiếp nhận (verify)'
    def.steps[0]!.actions[0]!.label = 'Tiếp nhận TODO'
    const properties = def.form.schema.properties as Record<string, Record<string, unknown>>
    properties.nguoi_yeu_cau!.title = 'Người yêu cầu (verify)'
    properties.so_trang!.description = 'Số trang ???'
    properties.loai = { type: 'string', enum: ['a', 'b'], enumNames: ['Bản giấy', 'Bản điện tử (verify)'] }
    def.form.uiSchema = {
      'ui:order': ['nguoi_yeu_cau', 'so_trang', 'so_ban', '*'],
      so_trang: { 'ui:help': 'Đếm cả bìa (verify)', 'ui:options': { placeholder: 'TODO' } },
    }
    expect(marks(def).sort()).toEqual(
      [
        ['/name', { mark: '(verify)' }],
        ['/conditions/1', { mark: 'TODO' }],
        ['/result', { mark: '???' }],
        ['/processingTime/text', { mark: '(verify)' }],
        ['/legalBasis/0/note', { mark: '(verify)' }],
        ['/components/0/note', { mark: '[cần kiểm tra]' }],
        ['/components/0/template/code', { mark: '(verify số mẫu)' }],
        ['/fees/0/note', { mark: '(verify)' }],
        ['/cases/0/name', { mark: 'FIXME' }],
        ['/steps/0/name', { mark: '(verify)' }],
        ['/steps/0/actions/0/label', { mark: 'TODO' }],
        ['/form/schema/properties/nguoi_yeu_cau/title', { mark: '(verify)' }],
        ['/form/schema/properties/so_trang/description', { mark: '???' }],
        ['/form/schema/properties/loai/enumNames/1', { mark: '(verify)' }],
        ['/form/uiSchema/so_trang/ui:help', { mark: '(verify)' }],
        ['/form/uiSchema/so_trang/ui:options/placeholder', { mark: 'TODO' }],
      ].sort(),
    )
    const issue = validateDefinition(def)
    expect(!issue.ok && issue.issues.find((i) => i.path === '/name')?.message).toEqual({
      vi: expect.stringMatching(/^Người dân sẽ thấy dấu biên tập "\(verify\)"/),
      en: expect.stringMatching(/^Citizens would see the editing mark "\(verify\)"/),
    })
  })

  it('leaves the source note, keys, codes and field names alone', () => {
    const def = sampleDefinition()
    def.source = { note: 'Mức phí chưa kiểm chứng (verify); TODO đối chiếu Cổng DVC quốc gia' }
    def.form.schema.properties.todo = { type: 'string', title: 'Việc cần làm', default: 'TODO' }
    def.form.uiSchema = { 'ui:order': ['*'], todo: { 'ui:widget': 'textarea' } }
    expect(marks(def)).toEqual([])
  })
})
