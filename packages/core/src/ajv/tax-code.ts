// 10-digit mã số thuế, optionally followed by a 3-digit branch (đơn vị phụ thuộc), with or without '-'.
const TAX_CODE = /^(\d{10})(?:-?(\d{3}))?$/
// Weights of digits 1–9 for the 10th (check) digit: check = 10 − (Σ wᵢ·dᵢ mod 11); a result of 10 is never issued.
// Same algorithm as python-stdnum's stdnum.vn.mst.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const

function checkDigit(base: string): number {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(base[index]), 0)
  return 10 - (sum % 11)
}

/**
 * Whether `value` is a mã số thuế: 10 digits with a valid check digit, or 13 with a branch ('0100109106-001').
 * @example isVnTaxCode('0100109106-001') // true
 */
export function isVnTaxCode(value: string): boolean {
  const match = TAX_CODE.exec(value)
  if (match === null) return false
  const base = match[1] as string
  // Digits 3–9 are a sequence from 0000001; branch numbers run from 001.
  if (base.slice(2, 9) === '0000000' || match[2] === '000') return false
  return checkDigit(base) === Number(base[9])
}
