import { describe, expect, it } from 'vitest'
import { guessApplicant } from './applicant'
import { fileProgress } from './upload'

const person = {
  type: 'object',
  properties: {
    ho_ten: { type: 'string' },
    so_dinh_danh: { type: 'string', format: 'cccd' },
    so_dien_thoai: { type: 'string', format: 'vn-mobile' },
    email: { type: 'string', format: 'email' },
    noi_cu_tru: { type: 'string' },
  },
}
const schema = {
  type: 'object',
  properties: { con: { type: 'object', properties: { ho_ten: { type: 'string' } } }, nguoi_yeu_cau: person },
}

describe('the applicant from the form', () => {
  it('takes the first named group in display order', () => {
    const data = {
      con: { ho_ten: 'Bé Khôi' },
      nguoi_yeu_cau: {
        ho_ten: ' Nguyễn Văn Hùng ',
        so_dinh_danh: '022095001234',
        so_dien_thoai: '0912345678',
        noi_cu_tru: 'Hạ Long',
      },
    }
    expect(guessApplicant(schema, data, ['nguoi_yeu_cau', 'con'])).toEqual({
      fullName: 'Nguyễn Văn Hùng',
      idNumber: '022095001234',
      phone: '0912345678',
      address: 'Hạ Long',
    })
    expect(guessApplicant(schema, data, ['con', 'nguoi_yeu_cau'])).toEqual({ fullName: 'Bé Khôi' })
    expect(guessApplicant(schema, {}, ['con'])).toBeUndefined()
  })
})

describe('per-file upload progress', () => {
  it('follows the parts in order', () => {
    expect(fileProgress(0, 500, [1000, 1000])).toEqual([0, 0])
    expect(fileProgress(1000, 500, [1000, 1000])).toEqual([0.5, 0])
    expect(fileProgress(2500, 500, [1000, 1000])).toEqual([1, 1])
  })
})
