import type { Message } from '../errors'

// What a citizen should enter for each JSON type, as a whole sentence and as a noun for union types.
const sentences: Readonly<Record<string, Message>> = {
  string: { vi: 'Vui lòng nhập dạng văn bản', en: 'Please enter text' },
  number: { vi: 'Vui lòng nhập một số', en: 'Please enter a number' },
  integer: { vi: 'Vui lòng nhập số nguyên', en: 'Please enter a whole number' },
  boolean: { vi: 'Vui lòng chọn Có hoặc Không', en: 'Please choose yes or no' },
  object: {
    vi: 'Dữ liệu chưa đúng dạng: cần một nhóm thông tin',
    en: 'Wrong kind of data: a group of fields is expected',
  },
  array: { vi: 'Dữ liệu chưa đúng dạng: cần một danh sách', en: 'Wrong kind of data: a list is expected' },
  null: { vi: 'Vui lòng để trống thông tin này', en: 'Please leave this field empty' },
}
const nouns: Readonly<Record<string, Message>> = {
  string: { vi: 'văn bản', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  integer: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'Có hoặc Không', en: 'yes or no' },
  object: { vi: 'một nhóm thông tin', en: 'a group of fields' },
  array: { vi: 'một danh sách', en: 'a list' },
}

/**
 * The message for a `type` error; ajv reports a union type as an array or a comma-separated string.
 * @example typeMessage(['integer', 'null']).vi // 'Vui lòng nhập số nguyên hoặc để trống'
 */
export function typeMessage(type: unknown): Message {
  const types = (Array.isArray(type) ? type.map(String) : String(type).split(',')).map((name) => name.trim())
  const single = types.length === 1 ? sentences[types[0] as string] : undefined
  if (single !== undefined) return single
  const named = types.filter((name) => name !== 'null').map((name) => nouns[name] ?? { vi: name, en: name })
  const nullable = types.includes('null')
  return {
    vi: `Vui lòng nhập ${named.map((noun) => noun.vi).join(' hoặc ')}${nullable ? ' hoặc để trống' : ''}`,
    en: `Please enter ${named.map((noun) => noun.en).join(' or ')}${nullable ? ', or leave it empty' : ''}`,
  }
}
