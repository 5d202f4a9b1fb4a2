import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from './errors'
import { formatReceiptCode, parseReceiptCode, receiptDay } from './receipt-code'

const unitId = '000.00.12.H49'

describe('formatReceiptCode', () => {
  it('formats {unit}-{yyMMdd}-{NNNN} by default', () => {
    expect(formatReceiptCode({ unitId, date: new Date('2025-02-25T09:15:00+07:00'), sequence: 1 })).toBe(
      '000.00.12.H49-250225-0001',
    )
  })

  it('uses the Vietnam-local date, not UTC nor the host timezone', () => {
    // 23:30 UTC on 24 Feb is 06:30 on 25 Feb in Vietnam; 16:59 UTC is still 23:59 on the 24th.
    expect(formatReceiptCode({ unitId, date: new Date('2025-02-24T23:30:00Z'), sequence: 7 })).toBe(
      '000.00.12.H49-250225-0007',
    )
    expect(formatReceiptCode({ unitId, date: new Date('2025-02-24T16:59:59Z'), sequence: 7 })).toBe(
      '000.00.12.H49-250224-0007',
    )
    expect(formatReceiptCode({ unitId, date: new Date('2025-02-24T17:00:00Z'), sequence: 7 })).toBe(
      '000.00.12.H49-250225-0007',
    )
  })

  it('widens the sequence past its width instead of truncating', () => {
    const date = new Date('2025-02-25T08:00:00+07:00')
    expect(formatReceiptCode({ unitId, date, sequence: 9999 })).toBe('000.00.12.H49-250225-9999')
    expect(formatReceiptCode({ unitId, date, sequence: 12345 })).toBe('000.00.12.H49-250225-12345')
  })

  it('supports the other tokens and literal text', () => {
    const date = new Date('2026-01-01T00:05:00+07:00')
    expect(
      formatReceiptCode({ unitId: 'H49.22', date, sequence: 42, pattern: 'HS/{yyyy}/{MM}/{dd}/{unit}/{NNNNNN}' }),
    ).toBe('HS/2026/01/01/H49.22/000042')
    expect(formatReceiptCode({ unitId, date, sequence: 3, pattern: '{yy}{MM}{dd}.{N}' })).toBe('260101.3')
  })

  it.each([
    ['no sequence token', '{unit}-{yyMMdd}'],
    ['two sequence tokens', '{NN}-{NN}'],
    ['an unknown token', '{unit}-{hhmm}-{NNNN}'],
  ])('rejects a pattern with %s', (_name, pattern) => {
    expect(() => formatReceiptCode({ unitId, date: new Date(), sequence: 1, pattern })).toThrow(DomainError)
  })

  it('rejects bad sequences and dates', () => {
    expect(() => formatReceiptCode({ unitId, date: new Date(), sequence: 0 })).toThrow(DomainError)
    expect(() => formatReceiptCode({ unitId, date: new Date(), sequence: 1.5 })).toThrow(DomainError)
    expect(() => formatReceiptCode({ unitId, date: new Date('nope'), sequence: 1 })).toThrow(DomainError)
  })
})

describe('parseReceiptCode', () => {
  it('reads the default shape', () => {
    expect(parseReceiptCode('000.00.12.H49-250225-0001')).toEqual({ unitId, sequence: 1, day: '2025-02-25' })
    expect(parseReceiptCode('000.00.12.H56-250225-12345')).toEqual({
      unitId: '000.00.12.H56',
      sequence: 12345,
      day: '2025-02-25',
    })
  })

  it('returns null for codes that do not fit or name impossible dates', () => {
    for (const code of [
      '',
      'H49-250225',
      '000.00.12.H49-250225-001',
      '000.00.12.H49-251325-0001',
      '000.00.12.H49-250230-0001',
      '000.00.12.H49-250225-0000',
    ]) {
      expect(parseReceiptCode(code)).toBeNull()
    }
  })

  it('reads custom patterns, without a date too', () => {
    expect(parseReceiptCode('HS/2026/01/01/H49.22/000042', 'HS/{yyyy}/{MM}/{dd}/{unit}/{NNNNNN}')).toEqual({
      unitId: 'H49.22',
      sequence: 42,
      day: '2026-01-01',
    })
    expect(parseReceiptCode('X-0042', 'X-{NNNN}')).toEqual({ unitId: '', sequence: 42 })
  })

  it('round-trips any unit, instant and sequence', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z.]{1,20}$/),
        fc.date({
          min: new Date('2000-01-01T00:00:00+07:00'),
          max: new Date('2099-12-31T23:59:59+07:00'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (unit, date, sequence) => {
          const code = formatReceiptCode({ unitId: unit, date, sequence })
          expect(parseReceiptCode(code)).toEqual({ unitId: unit, sequence, day: receiptDay(date) })
        },
      ),
    )
  })
})

describe('receiptDay', () => {
  it('is the Vietnam-local day', () => {
    expect(receiptDay(new Date('2025-02-24T16:59:59.999Z'))).toBe('2025-02-24')
    expect(receiptDay(new Date('2025-02-24T17:00:00Z'))).toBe('2025-02-25')
    expect(receiptDay(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01')
  })
})
