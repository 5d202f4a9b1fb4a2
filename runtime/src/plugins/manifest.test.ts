import { describe, expect, it } from 'vitest'
import { checkManifest } from './manifest'

const plugin = (formats: unknown) => ({
  slug: 'dinh-dang',
  name: { vi: 'Định dạng', en: 'Formats' },
  configSchema: { type: 'object' },
  formats,
})
const message = { vi: 'Sai định dạng', en: 'Wrong format' }

describe('a plugin’s formats', () => {
  it('takes a pattern checked in linear time, with a matching example', () => {
    const { manifest } = checkManifest(plugin({ 'so-thua': { pattern: '^[0-9]{1,4}$', message, example: '12' } }), 'x')
    expect(manifest.formats['so-thua']).toEqual({ pattern: '^[0-9]{1,4}$', message, example: '12' })
  })

  it('refuses a pattern that can backtrack for ever, since the server checks form values with it', () => {
    expect(() => checkManifest(plugin({ 'so-thua': { pattern: '^(a+)+$', message } }), 'x')).toThrow(
      'plugin dinh-dang: format "so-thua" pattern may take exponential time',
    )
  })

  it('refuses an example its own pattern does not match, and a format without a message', () => {
    expect(() => checkManifest(plugin({ 'so-thua': { pattern: '^[0-9]+$', message, example: 'a' } }), 'x')).toThrow(
      'example does not match its pattern',
    )
    expect(() => checkManifest(plugin({ 'so-thua': { pattern: '^[0-9]+$' } }), 'x')).toThrow(
      'format "so-thua" message is not { vi, en }',
    )
  })
})
