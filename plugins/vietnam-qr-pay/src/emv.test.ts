import { describe, expect, it } from 'vitest'
import { buildVietQr, crc16, tlv } from './emv'
import { parseAmount, purposeFor } from './payment-request'

// Published VietQR strings, CRC included (see the README for where each comes from).
const NAPAS_DYNAMIC_TO_ACCOUNT =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E'
const NAPAS_DYNAMIC_TO_CARD =
  '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203'
const PAYOS_ISSUED =
  '00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346'

const withoutCrc = (payload: string) => payload.slice(0, -4)

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('has the standard check value', () => {
    expect(crc16('123456789')).toBe('29B1')
  })

  it.each([
    ['Napas specification, dynamic QR to an account', NAPAS_DYNAMIC_TO_ACCOUNT],
    ['Napas specification, dynamic QR to a card', NAPAS_DYNAMIC_TO_CARD],
    ['a code issued by the payOS payment intermediary', PAYOS_ISSUED],
  ])('matches the CRC of a published code: %s', (_source, payload) => {
    expect(crc16(withoutCrc(payload))).toBe(payload.slice(-4))
  })

  it('pads to four digits', () => {
    expect(crc16('')).toBe('FFFF')
    expect(crc16('A')).toMatch(/^[0-9A-F]{4}$/)
  })
})

describe('buildVietQr', () => {
  it('rebuilds the Napas specification example exactly', () => {
    expect(
      buildVietQr({
        bankBin: '970403',
        accountNumber: '0011012345678',
        amount: 180000,
        billNumber: 'NPS6869',
        purpose: 'thanh toan don hang',
      }),
    ).toBe(NAPAS_DYNAMIC_TO_ACCOUNT)
  })

  it('builds the payment request for a dossier fee', () => {
    expect(
      buildVietQr({
        bankBin: '970415',
        accountNumber: '0011001932418',
        amount: 8000,
        purpose: '000.01.21.H49-251128-0001',
      }),
    ).toBe(
      '000201' + // payload format indicator
        '010212' + // dynamic: one payment of a set amount
        '3857' +
        '0010A000000727' +
        '0127' +
        '0006970415' +
        '01130011001932418' +
        '0208QRIBFTTA' +
        '5303704' + // VND
        '54048000' +
        '5802VN' +
        '6229' +
        '0825000.01.21.H49-251128-0001' +
        '6304' +
        '4783',
    )
  })

  it('makes a static code (11) without an amount', () => {
    const payload = buildVietQr({ bankBin: '970415', accountNumber: '0011001932418' })
    expect(payload.startsWith('000201010211')).toBe(true)
    expect(payload).not.toContain('5404')
    expect(crc16(withoutCrc(payload))).toBe(payload.slice(-4))
  })

  it('refuses what would make an invalid code', () => {
    const base = { bankBin: '970415', accountNumber: '0011001932418', amount: 8000 }
    expect(() => buildVietQr({ ...base, bankBin: '97041' })).toThrow(RangeError)
    expect(() => buildVietQr({ ...base, accountNumber: '0011-0019' })).toThrow(RangeError)
    expect(() => buildVietQr({ ...base, amount: 0 })).toThrow(RangeError)
    expect(() => buildVietQr({ ...base, amount: 10.5 })).toThrow(RangeError)
    expect(() => buildVietQr({ ...base, purpose: 'x'.repeat(26) })).toThrow(RangeError)
    expect(() => buildVietQr({ ...base, purpose: 'Lệ phí' })).toThrow(RangeError)
    expect(() => tlv('1', 'x')).toThrow(RangeError)
    expect(() => tlv('62', 'x'.repeat(100))).toThrow(RangeError)
  })
})

describe('purposeFor', () => {
  it('keeps a receipt code that fits in 25 characters', () => {
    expect(purposeFor('000.01.21.H49-251128-0001')).toBe('000.01.21.H49-251128-0001')
  })

  it('drops the dots, then the dashes, when too long', () => {
    expect(purposeFor('000.01.21.H49-251128-12345')).toBe('0000121H49-251128-12345')
    expect(purposeFor('000.00.12.H49.A12-251128-12345')).toBe('0000012H49A1225112812345')
  })

  it('keeps only printable ASCII', () => {
    expect(purposeFor('HS-Đông-0001')).toBe('HS-ong-0001')
  })
})

describe('parseAmount', () => {
  it.each([
    ['8000', 8000],
    ['500000000', 500_000_000],
    [' 120000 ', 120000],
    [150000, 150000],
  ])('accepts %j', (raw, amount) => {
    expect(parseAmount(raw)).toBe(amount)
  })

  it.each(['', '0', '-5', '1.5', '1e5', '08000', 'abc', '500000001', '9999999999', 0, -1, 1.5, null, undefined])(
    'refuses %j',
    (raw) => {
      expect(parseAmount(raw)).toBeUndefined()
    },
  )
})
