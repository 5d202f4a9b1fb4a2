import { messagePlaceholders } from '@motcua/web-kit'
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { vi } from './messages'

describe('the dashboard’s catalogue', () => {
  it('has the same placeholders in English as in Vietnamese', () => {
    const names = messagePlaceholders
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(names(en[key]), key).toEqual(names(vi[key]))
  })
})
