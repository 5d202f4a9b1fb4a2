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

describe('a plugin that sends receipts (and so is given PINs)', () => {
  const sender = (extra: Record<string, unknown>) => ({
    ...plugin(undefined),
    hooks: ['onSubmit'],
    deliver: true,
    ...extra,
  })

  it('says on which channel, sms or email', () => {
    expect(checkManifest(sender({ sendsReceipt: 'sms' }), 'x').manifest.sendsReceipt).toBe('sms')
    expect(checkManifest(sender({}), 'x').manifest.sendsReceipt).toBeUndefined()
    expect(() => checkManifest(sender({ sendsReceipt: 'zalo' }), 'x')).toThrow("sendsReceipt must be 'sms' or 'email'")
  })

  it('queues the receipt on submission and delivers it itself', () => {
    expect(() => checkManifest(sender({ sendsReceipt: 'email', hooks: ['afterAction'] }), 'x')).toThrow(
      'sendsReceipt needs an onSubmit hook',
    )
    expect(() => checkManifest(sender({ sendsReceipt: 'email', deliver: false }), 'x')).toThrow(
      'sendsReceipt needs an onSubmit hook',
    )
  })
})
