import { DomainError } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { deskSearch } from './desk-queue'

describe('the desk search box', () => {
  it('looks a receipt code or a whole ID number up as such, in any case', () => {
    expect(deskSearch(' 000.00.12.h49-250225-0001 ')).toEqual({ receiptCode: '000.00.12.H49-250225-0001' })
    expect(deskSearch('022190007777')).toEqual({ idNumber: '022190007777' })
    expect(deskSearch('022190007')).toEqual({ idNumber: '022190007' })
  })

  it('folds anything else, diacritics and case, for a search anywhere in the text', () => {
    expect(deskSearch('  Phạm   THỊ ')).toEqual({ text: 'pham thi' })
    expect(deskSearch('0221900')).toEqual({ text: '0221900' })
    expect(deskSearch('250225-0001')).toEqual({ text: '250225-0001' })
  })

  it.each(['an', 'Đỗ', 'a b c', '%%%', '12'])('refuses %j: no 3 letters or digits in a row', (q) => {
    expect(() => deskSearch(q)).toThrow(DomainError)
  })
})
