import { describe, expect, it } from 'vitest'
import { mergeSecrets, withoutSecrets } from './secrets'

describe('secret plugin settings', () => {
  it('are named, never shown', () => {
    expect(withoutSecrets({ url: 'https://a', token: 'bi-mat', key: null }, ['token', 'key'])).toEqual({
      config: { url: 'https://a' },
      secretsSet: ['token'],
    })
  })

  it('keep their stored value when left out, take a new one, and are removed by null', () => {
    const stored = { url: 'https://cu', token: 'bi-mat' }
    expect(mergeSecrets({ url: 'https://moi' }, stored, ['token'])).toEqual({ url: 'https://moi', token: 'bi-mat' })
    expect(mergeSecrets({ url: 'https://moi', token: 'moi' }, stored, ['token'])).toEqual({
      url: 'https://moi',
      token: 'moi',
    })
    expect(mergeSecrets({ url: 'https://moi', token: null }, stored, ['token'])).toEqual({ url: 'https://moi' })
    expect(mergeSecrets({ url: 'https://moi' }, undefined, ['token'])).toEqual({ url: 'https://moi' })
  })
})
