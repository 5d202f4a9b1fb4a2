// A plugin imports only the SDK, so these two follow @motcua/core's foldVietnamese and isVnMobile rather than use them.

/**
 * Vietnamese text without its diacritics, case and codes kept (đ → d, Đ → D), the way core's `foldVietnamese` strips
 * them.
 * @example unaccented('Hồ sơ ĐÃ tiếp nhận') // 'Ho so DA tiep nhan'
 */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

// Digits in groups separated by single spaces, dots or hyphens; '+' only in front (core's phone formats).
const GROUPED_DIGITS = /^\+?\d+(?:[ .-]\d+)*$/
// 10 digits from 03, 05, 07, 08 or 09, once written nationally
const MOBILE = /^0[35789]\d{8}$/

/**
 * A Vietnamese mobile number as gateways take it, `84` and 9 digits (written with 0, 84 or +84, grouped or not);
 * `undefined` for anything else: a landline, a foreign number, text.
 * @example internationalMobile('+84 912 345 678') // '84912345678'
 */
export function internationalMobile(phone: string | undefined): string | undefined {
  const value = phone?.trim() ?? ''
  if (!GROUPED_DIGITS.test(value)) return undefined
  const digits = value.replace(/[ .+-]/g, '')
  if (value.startsWith('+') && !digits.startsWith('84')) return undefined
  const national = digits.startsWith('84') ? `0${digits.slice(2)}` : digits
  return MOBILE.test(national) ? `84${national.slice(1)}` : undefined
}
