import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'
import { localize } from './localize'
import { valueProblem } from './value-problems'

// the message a citizen reads for one value of one format, as the forms and the server produce it
function message(format: string, value: string, locale: 'vi' | 'en' = 'vi') {
  const validate = createAjv().compile({ type: 'string', format })
  expect(validate(value), value).toBe(false)
  localize(validate.errors, locale)
  return validate.errors?.[0]?.message
}

describe('dates that are not real days', () => {
  it('says 31/02 does not exist rather than talk about the format', () => {
    expect(message('date', '31/02/2026')).toBe('Ngày 31/02 không có thật: tháng 2 chỉ có 28 hoặc 29 ngày')
    expect(message('date', '2026-02-31', 'en')).toBe('31/02 is not a real date: February has only 28 or 29 days')
  })

  it('explains 29/02 in a year that is not a leap year', () => {
    expect(message('date', '29/02/2025')).toBe(
      'Ngày 29/02/2025 không có thật: năm 2025 không phải năm nhuận, tháng 2 chỉ có 28 ngày',
    )
    expect(createAjv().compile({ type: 'string', format: 'date' })('2024-02-29')).toBe(true)
  })

  it('names the month length, a month 13 and a day 00', () => {
    expect(message('date', '31/04/2026')).toBe('Ngày 31/04 không có thật: tháng 4 chỉ có 30 ngày')
    expect(message('date', '31/04/2026', 'en')).toBe('31/04 is not a real date: April has only 30 days')
    expect(message('date', '10/13/2026')).toBe('Tháng 13 không có thật: tháng chỉ từ 01 đến 12')
    expect(message('date', '00/12/2026')).toBe('Ngày 00 không có thật: ngày bắt đầu từ 01')
  })

  it('asks for the rest of a date typed only in part', () => {
    expect(message('date', '12/03')).toBe(
      'Ngày chưa đủ: vui lòng nhập đủ ngày, tháng và năm (4 chữ số), ví dụ 05/03/1997',
    )
    expect(message('date', '12/03/19')).toMatch(/^Ngày chưa đủ/)
  })
})

describe('căn cước numbers', () => {
  it('says the first three digits are no province code, instead of "12 digits"', () => {
    expect(message('cccd', '099098001234')).toBe(
      '3 số đầu “099” không phải mã tỉnh, thành phố nào; vui lòng kiểm tra lại số trên thẻ',
    )
    expect(message('cccd', '099098001234', 'en')).toMatch(/^The first 3 digits “099” are not the code of any province/)
  })

  it('says how many digits were typed', () => {
    expect(message('cccd', '0220980012')).toBe('Số căn cước gồm 12 chữ số; bạn đã nhập 10 chữ số')
    expect(message('cccd', '0220980012345', 'en')).toBe(
      'A citizen identity (căn cước) number has 12 digits; you typed 13 digits',
    )
    expect(message('cccd', '123456789')).toMatch(/^Bạn đã nhập 9 chữ số, như số chứng minh nhân dân cũ/)
  })

  it('names a character that is not a digit, and asks for the digits together', () => {
    expect(message('cccd', '02209800123O')).toBe('Số căn cước chỉ gồm chữ số: vui lòng bỏ ký tự “O”')
    expect(message('cccd', '022 098 001 234')).toBe(
      'Vui lòng nhập các chữ số liền nhau, không có dấu cách, dấu chấm hay gạch ngang',
    )
  })
})

describe('other numbers', () => {
  it('counts the digits of a CMND and a mobile number', () => {
    expect(message('cmnd', '12345678')).toBe('Số chứng minh nhân dân gồm 9 chữ số; bạn đã nhập 8 chữ số')
    expect(message('vn-mobile', '091234567')).toBe('Số điện thoại di động gồm 10 chữ số; bạn đã nhập 9 chữ số')
    expect(message('vn-mobile', '0912 345 6789', 'en')).toBe('A mobile number has 10 digits; you typed 11 digits')
  })

  it('tells a landline from a mobile number and names a wrong prefix', () => {
    expect(message('vn-mobile', '02033835123')).toMatch(/^Đây là số máy cố định/)
    expect(message('vn-mobile', '0612345678')).toMatch(/bắt đầu bằng 06$/)
    expect(message('vn-phone', '0203383512')).toBe('Số máy cố định gồm 11 chữ số; bạn đã nhập 10 chữ số')
  })

  it('tells a tax code with a wrong check digit from one of the wrong length', () => {
    expect(message('vn-tax-code', '0100109107')).toMatch(/^Chữ số thứ 10 \(chữ số kiểm tra\) không khớp/)
    expect(message('vn-tax-code', '01001091')).toMatch(/; bạn đã nhập 8 chữ số$/)
  })

  it('has nothing more to say about a value it cannot read', () => {
    expect(valueProblem('cccd', '')).toBeUndefined()
    expect(valueProblem('date', 'hôm qua')).toBeUndefined()
    expect(message('date', 'hôm qua')).toBe('Vui lòng nhập ngày (dd/mm/yyyy) hợp lệ')
  })
})
