import { describe, expect, it } from 'vitest'
import { resultSample } from '../definition/result-fixture'
import { fillResultDocument } from './render-document'
import { parseTemplate } from './template'
import { vietnameseDate } from './vietnamese-date'

describe('vietnameseDate', () => {
  it('writes dates with the leading zeros of Nghị định 30/2020 (days below 10, months 1 and 2)', () => {
    expect(vietnameseDate('2026-02-05')).toBe('05/02/2026')
    expect(vietnameseDate('2026-02-05', true)).toBe('ngày 05 tháng 02 năm 2026')
    expect(vietnameseDate('2026-11-30', true)).toBe('ngày 30 tháng 11 năm 2026')
    expect(vietnameseDate('2026-03-15', true)).toBe('ngày 15 tháng 3 năm 2026')
  })

  it('takes an instant’s day in Vietnam, whatever the host’s zone', () => {
    expect(vietnameseDate(new Date('2026-03-14T18:30:00Z'))).toBe('15/03/2026')
  })

  it('is undefined for what is not a date', () => {
    expect(vietnameseDate('Nguyễn Văn A')).toBeUndefined()
    expect(vietnameseDate(42)).toBeUndefined()
  })
})

describe('parseTemplate', () => {
  it('splits text and placeholders, with filters', () => {
    expect(parseTemplate('{{unit.name}}, {{result.ngay_cap | long}}')).toEqual([
      { path: 'unit.name', source: '{{unit.name}}' },
      ', ',
      { path: 'result.ngay_cap', filter: 'long', source: '{{result.ngay_cap | long}}' },
    ])
  })

  it('refuses unmatched or unreadable braces', () => {
    expect(parseTemplate('{{form.a')).toBeUndefined()
    expect(parseTemplate('{{ form.a + 1 }}')).toBeUndefined()
    expect(parseTemplate('a }} b')).toBeUndefined()
  })
})

describe('fillResultDocument', () => {
  it('fills every placeholder with the dossier’s data, dates the Vietnamese way, paragraphs numbered', () => {
    const def = resultSample()
    def.resultDocument!.blocks.push({ text: 'Đề nghị: {{form.can_xac_minh}}', numbered: true })
    const filled = fillResultDocument(def, def.resultDocument!, {
      form: { nguoi_yeu_cau: { ho_ten: 'Nguyễn Thị Ánh Tuyết' }, can_xac_minh: false },
      result: { so: '12/2026/XN', ngay_cap: '2026-02-03' },
      dossier: { receiptCode: 'H49-260201-0001', receivedAt: new Date('2026-02-01T02:00:00Z'), doneAt: null },
      unit: { name: 'Xã Quảng Hà', code: '22462', place: 'Quảng Hà', parentName: 'Tỉnh Quảng Ninh' },
      documentDate: new Date('2026-02-03T03:00:00Z'),
    })
    expect(filled).toEqual({
      issuer: ['ỦY BAN NHÂN DÂN', 'Xã Quảng Hà'],
      number: 'Số: 12/2026/XN',
      placeDate: 'Xã Quảng Hà, ngày 03 tháng 02 năm 2026',
      title: 'GIẤY XÁC NHẬN',
      blocks: [
        { label: 'Họ, chữ đệm, tên', text: 'Nguyễn Thị Ánh Tuyết' },
        { text: 'Hồ sơ số H49-260201-0001 tiếp nhận ngày 01/02/2026.', number: 1 },
        { text: 'Đề nghị: Không', number: 2 },
      ],
      signer: { title: ['CHỦ TỊCH'], note: '(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)' },
    })
  })

  it('shows a choice by its title and leaves a missing value blank', () => {
    const def = resultSample()
    Object.assign(def.form.schema.properties, {
      muc_dich: { type: 'string', oneOf: [{ const: 'ket_hon', title: 'Kết hôn' }] },
    })
    def.resultDocument!.blocks = [{ text: 'Mục đích: {{form.muc_dich}}.' }, { text: '[{{result.so}}]' }]
    const filled = fillResultDocument(def, def.resultDocument!, {
      form: { muc_dich: 'ket_hon' },
      result: {},
      dossier: { receiptCode: 'X', receivedAt: null, doneAt: null },
      unit: { name: 'U', code: 'u', place: 'U', parentName: '' },
      documentDate: new Date(),
    })
    expect(filled.blocks.map((b) => b.text)).toEqual(['Mục đích: Kết hôn.', '[]'])
  })
})
