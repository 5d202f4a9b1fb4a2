import { CCCD_PROVINCE_CODES } from './province-codes'

// 3-digit province code, 1 digit century + gender (0–9 all valid), 2 digits birth year, 6 digits sequence.
const CCCD = /^(\d{3})\d{9}$/
const CMND = /^\d{9}$/

/**
 * Whether `value` is a 12-digit căn cước / căn cước công dân number with a known province code.
 * @example isCccd('022098001234') // true
 */
export function isCccd(value: string): boolean {
  const match = CCCD.exec(value)
  return match !== null && Object.hasOwn(CCCD_PROVINCE_CODES, match[1] as string)
}

/**
 * Whether `value` is a 9-digit chứng minh nhân dân (the identity card before căn cước).
 * @example isCmnd('123456789') // true
 */
export function isCmnd(value: string): boolean {
  return CMND.test(value)
}
