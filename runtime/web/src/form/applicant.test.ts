import { describe, expect, it } from 'vitest'
import { accountName, givenName } from '../lib/account'
import { accountFill, guessApplicant, withAccount } from './applicant'
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

describe('the signed-in citizen’s own details', () => {
  const account = { fullName: 'Nguyễn Văn An', idNumber: '022090001234', phone: '0912345678' }

  it('fill the group of the person filing, by the fields’ formats', () => {
    expect(accountFill(schema, account)).toEqual({
      '/nguoi_yeu_cau/ho_ten': 'Nguyễn Văn An',
      '/nguoi_yeu_cau/so_dinh_danh': '022090001234',
      '/nguoi_yeu_cau/so_dien_thoai': '0912345678',
    })
    // a form asking for the person at its top level; a 9-digit chứng minh number does not go into a căn cước field
    expect(accountFill(person, { ...account, idNumber: '022090001' })).toEqual({
      '/ho_ten': 'Nguyễn Văn An',
      '/so_dien_thoai': '0912345678',
    })
  })

  it('leave a form without a group for the person filing alone', () => {
    const parents = { type: 'object', properties: { me: person, cha: person } }
    expect(accountFill(parents, account)).toEqual({})
  })

  it('complete the applicant block only when it is the account’s holder', () => {
    expect(withAccount(undefined, account)).toEqual(account)
    expect(withAccount({ fullName: 'nguyễn văn an', phone: '0987654321' }, account)).toEqual({
      fullName: 'nguyễn văn an',
      phone: '0987654321',
      idNumber: '022090001234',
    })
    expect(withAccount({ fullName: 'Trần Thị Bình' }, account)).toEqual({ fullName: 'Trần Thị Bình' })
  })

  it('is named without the demo accounts’ note, and by the given name on a phone', () => {
    expect(accountName('Nguyễn Văn An (tài khoản demo)')).toBe('Nguyễn Văn An')
    expect(givenName('Nguyễn Văn An (tài khoản demo)')).toBe('An')
  })
})
