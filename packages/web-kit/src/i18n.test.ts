import { describe, expect, it } from 'vitest'
import { fillMessage, messagePlaceholders, translate } from './i18n'

const catalogues = {
  vi: { found: 'Tìm thấy {n} thủ tục ở {unit}' },
  en: { found: 'Found {n, plural, =0 {no procedure} one {# procedure} other {# procedures}} at {unit}' },
}

describe('translate', () => {
  it('takes the plural form the count needs in English, and the one form Vietnamese has', () => {
    expect(translate(catalogues, 'en', 'found', { n: 1, unit: 'UBND' })).toBe('Found 1 procedure at UBND')
    expect(translate(catalogues, 'en', 'found', { n: 2, unit: 'UBND' })).toBe('Found 2 procedures at UBND')
    expect(translate(catalogues, 'en', 'found', { n: 0, unit: 'UBND' })).toBe('Found no procedure at UBND')
    expect(translate(catalogues, 'en', 'found', { n: 1200, unit: 'UBND' })).toBe('Found 1,200 procedures at UBND')
    expect(translate(catalogues, 'vi', 'found', { n: 1, unit: 'UBND' })).toBe('Tìm thấy 1 thủ tục ở UBND')
  })

  it('fills placeholders inside a branch and leaves an unknown or missing count as written', () => {
    expect(
      fillMessage('en', '{n, plural, one {# file from {who}} other {# files from {who}}}', { n: 1, who: 'An' }),
    ).toBe('1 file from An')
    expect(fillMessage('en', '{n, plural, one {# file} other {# files}}')).toBe(
      '{n, plural, one {# file} other {# files}}',
    )
    expect(fillMessage('en', 'Hello {name}')).toBe('Hello {name}')
  })
})

describe('messagePlaceholders', () => {
  it('names plain and plural placeholders once', () => {
    expect(messagePlaceholders('{n, plural, one {# file from {who}} other {# files from {who}}} at {at}')).toEqual([
      'at',
      'n',
      'who',
    ])
    expect(messagePlaceholders('{n} tệp của {who} lúc {at}')).toEqual(['at', 'n', 'who'])
  })
})
