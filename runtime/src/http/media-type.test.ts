import { describe, expect, it } from 'vitest'
import { isMediaType } from './media-type'

describe('media types', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
    'application/json; charset="utf-8"',
  ])('takes %s as JSON', (header) => {
    expect(isMediaType(header, ['application/json'])).toBe(true)
  })

  it.each([
    undefined,
    '',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/json-patch+json',
    'multipart/form-data; boundary=x',
  ])('refuses %s where only JSON is read', (header) => {
    expect(isMediaType(header, ['application/json'])).toBe(false)
  })

  it('takes multipart only where uploads are read', () => {
    expect(isMediaType('multipart/form-data; boundary=----x', ['application/json', 'multipart/form-data'])).toBe(true)
    expect(isMediaType('text/plain', ['application/json', 'multipart/form-data'])).toBe(false)
  })
})
