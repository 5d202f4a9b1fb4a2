import { messagePlaceholders } from '@motcua/web-kit'
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { translate } from './i18n'
import { vi } from './messages'

describe('the message catalogue', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('vi', 'home.results', { n: 3 })).toBe('3 thủ tục')
    expect(translate('en', 'form.stepOf', { n: 2, total: 5 })).toBe('Step 2 of 5')
  })

  it('says one thing in the singular in English', () => {
    expect(translate('en', 'home.results', { n: 1 })).toBe('1 procedure')
    expect(translate('en', 'home.results', { n: 12 })).toBe('12 procedures')
    expect(translate('en', 'procedure.copies', { n: 1 })).toBe('1 copy')
    expect(translate('en', 'home.stats', { total: 16, full: 1 })).toBe(
      'The portal offers 16 procedures; 1 of them is fully online.',
    )
  })

  it('has the same placeholders in English as in Vietnamese', () => {
    const names = messagePlaceholders
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(names(en[key]), key).toEqual(names(vi[key]))
  })
})
