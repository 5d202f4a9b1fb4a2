/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * @example foldVietnamese('Đăng ký  KHAI SINH') // 'dang ky khai sinh'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * True when every word of the query appears in the text, ignoring case and diacritics.
 * @example matchesQuery('Phường Hà Khánh', 'ha khanh') // true
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldVietnamese(text)
  return foldVietnamese(query)
    .split(' ')
    .every((word) => haystack.includes(word))
}

// PostgreSQL refuses NUL and unpaired UTF-16 surrogates in text and jsonb: such a string must never reach a query.
const BROKEN_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether a string can be stored as text: no NUL character and no unpaired UTF-16 surrogate.
 * @example isStorableText('Nguyễn\u0000') // false
 */
export const isStorableText = (text: string): boolean => !BROKEN_TEXT.test(text)
