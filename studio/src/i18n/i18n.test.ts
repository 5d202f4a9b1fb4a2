import { messagePlaceholders } from '@motcua/web-kit'
import { describe, expect, it } from 'vitest'
import { catalogues } from './i18n'

describe("the studio's message catalogue", () => {
  it('has every text in English with the same placeholders as in Vietnamese', () => {
    const names = messagePlaceholders
    for (const [key, text] of Object.entries(catalogues.vi)) {
      const english = catalogues.en[key as keyof typeof catalogues.en]
      expect(english, key).toBeTruthy()
      expect(names(english), key).toEqual(names(text))
    }
  })
})
