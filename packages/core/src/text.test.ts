import { describe, expect, it } from 'vitest'
import { foldVietnamese, matchesQuery } from './text'

describe('Vietnamese search folding', () => {
  it('drops tones, vowel marks and đ, whatever the Unicode normal form', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh')
    expect(foldVietnamese('Thị xã Đông Triều'.normalize('NFD'))).toBe('thi xa dong trieu')
    expect(foldVietnamese('  Ủy   ban  ')).toBe('uy ban')
  })
  it('matches every query word, with or without diacritics', () => {
    expect(matchesQuery('Phường Hà Khánh', 'ha khanh')).toBe(true)
    expect(matchesQuery('Phường Hà Khánh', 'khánh phường')).toBe(true)
    expect(matchesQuery('Phường Hà Khánh', 'ha long')).toBe(false)
  })
})
