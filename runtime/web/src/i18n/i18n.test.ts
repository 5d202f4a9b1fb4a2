import { describe, expect, it } from 'vitest'
import { en } from './en'
import { translate } from './i18n'
import { vi } from './messages'

describe('the message catalogue', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('vi', 'home.results', { n: 3 })).toBe('3 thủ tục')
    expect(translate('en', 'form.stepOf', { n: 2, total: 5 })).toBe('Step 2 of 5')
  })

  it('has the same placeholders in English as in Vietnamese', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(names(en[key]), key).toEqual(names(vi[key]))
  })
})
