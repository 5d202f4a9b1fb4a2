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

// Editors mark what they could not confirm; such a mark belongs in a source note, never in text a citizen reads.
const EDITING_MARKS: readonly RegExp[] = [
  /[([][^()[\]]*\bverify\b[^()[\]]*[)\]]/i,
  /\bverify\b/i,
  /\b(?:TODO|FIXME|TBD)\b/i,
  /\?{3,}|\(\s*\?\s*\)/,
  /[([]\s*(?:cần|phải)\s+(?:kiểm tra|kiểm chứng|xác minh|xác nhận)[^()[\]]*[)\]]/i,
  /[([]\s*kiểm tra lại\s*[)\]]/i,
  /chưa (?:được )?kiểm chứng/i,
  /lorem ipsum/i,
]

/**
 * The first editing mark in a text ('(verify)', 'TODO', 'FIXME', '???', '[cần kiểm tra]', 'chưa kiểm chứng', …), or
 * undefined when there is none.
 * @example editingMark('Lệ phí 50.000 đồng (verify)') // '(verify)'
 */
export function editingMark(text: string): string | undefined {
  const normal = text.normalize('NFC')
  for (const mark of EDITING_MARKS) {
    const found = mark.exec(normal)
    if (found) return found[0]
  }
  return undefined
}
