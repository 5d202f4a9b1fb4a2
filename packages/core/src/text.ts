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
