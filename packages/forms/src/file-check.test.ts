import { describe, expect, it } from 'vitest'
import { checkFile, sniffType } from './file-check'

const pdf = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]), 'rest'])
const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])])
const text = new Blob(['hello, this is not a pdf'])
const component = {
  key: 'giay_chung_sinh',
  name: 'Giấy chứng sinh',
  required: true,
  accept: ['application/pdf', 'image/jpeg'],
  maxSizeMB: 1,
}

describe('checking a file before upload', () => {
  it('reads the type from the content', () => {
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffType(new Uint8Array([1, 2, 3]))).toBeUndefined()
  })

  it('accepts what the component accepts, within its size', async () => {
    expect(await checkFile(pdf, component)).toBeNull()
    expect(await checkFile(png, component)).toEqual({ kind: 'wrongType', accepted: ['application/pdf', 'image/jpeg'] })
    expect(await checkFile(text, { key: 'x', name: 'x', required: false })).toEqual({
      kind: 'wrongType',
      accepted: ['application/pdf', 'image/jpeg', 'image/png'],
    })
    expect(await checkFile(new Blob([new Uint8Array(1024 * 1024 + 1)]), component)).toEqual({
      kind: 'tooLarge',
      maxMb: 1,
    })
  })
})
