import { messagePlaceholders, translate } from '@motcua/web-kit'
import { describe, expect, it } from 'vitest'
import { catalogues } from './i18n'

describe("the desk's catalogue", () => {
  it('fills the same placeholders in English as in Vietnamese', () => {
    for (const [key, text] of Object.entries(catalogues.vi))
      expect(messagePlaceholders(catalogues.en[key as keyof typeof catalogues.en]), key).toEqual(
        messagePlaceholders(text),
      )
  })

  it('says one dossier in the singular', () => {
    expect(translate(catalogues, 'en', 'queues.total', { total: 1 })).toBe('1 dossier')
    expect(translate(catalogues, 'en', 'leader.done', { n: 1 })).toBe('1 dossier signed.')
    expect(translate(catalogues, 'en', 'intake.copies', { originals: 1, copies: 2 })).toBe('1 original, 2 copies')
  })
})
