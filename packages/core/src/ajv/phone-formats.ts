// Digits in groups separated by single spaces, dots or hyphens; '+' only in front.
const GROUPED_DIGITS = /^\+?\d+(?:[ .-]\d+)*$/
const MOBILE = /^0[35789]\d{8}$/
// Since 2017 every landline is 02 + area code + subscriber number, 11 digits (e.g. 0203 Quảng Ninh, 024 Hà Nội).
const LANDLINE = /^02\d{9}$/

// The national form (leading 0, digits only) of a number written with +84/84 and separators.
function nationalDigits(value: string): string | undefined {
  if (!GROUPED_DIGITS.test(value)) return undefined
  const digits = value.replace(/[ .-]/g, '')
  if (digits.startsWith('+')) return digits.startsWith('+84') && digits[3] !== '0' ? `0${digits.slice(3)}` : undefined
  // National numbers start with 0, so a leading 84 can only be the country code.
  if (digits.startsWith('84')) return `0${digits.slice(2)}`
  return digits
}

/**
 * Whether `value` is a Vietnamese mobile number: 10 digits from 03, 05, 07, 08 or 09; +84 and grouping allowed.
 * @example isVnMobile('+84 912 345 678') // true
 */
export function isVnMobile(value: string): boolean {
  const digits = nationalDigits(value)
  return digits !== undefined && MOBILE.test(digits)
}

/**
 * Whether `value` is a Vietnamese mobile number or an 11-digit landline (02 + area code).
 * @example isVnPhone('0203 3835 123') // true
 */
export function isVnPhone(value: string): boolean {
  const digits = nationalDigits(value)
  return digits !== undefined && (MOBILE.test(digits) || LANDLINE.test(digits))
}
