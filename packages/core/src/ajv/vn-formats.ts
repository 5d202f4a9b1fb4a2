import type { Format, FormatDefinition } from 'ajv'
import { isCccd, isCmnd } from './identity-formats'
import { isVnMobile, isVnPhone } from './phone-formats'
import { isVnTaxCode } from './tax-code'

/** The largest amount the `vnd` format accepts: one million billion đồng. */
export const MAX_VND = 1e15

/**
 * Whether `value` is a whole, non-negative number of đồng no larger than {@link MAX_VND}.
 * @example isVnd(1_500_000) // true
 */
export function isVnd(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_VND
}

const vnd: FormatDefinition<number> = { type: 'number', validate: isVnd }

/**
 * motcua's Vietnamese formats by name, ready for `ajv.addFormat` or @rjsf's `customFormats`
 * (`vnd` checks numbers; the others check strings).
 * @example for (const [name, format] of Object.entries(vnFormats)) ajv.addFormat(name, format)
 */
export const vnFormats = {
  cccd: isCccd,
  cmnd: isCmnd,
  'vn-mobile': isVnMobile,
  'vn-phone': isVnPhone,
  'vn-tax-code': isVnTaxCode,
  vnd,
} as const satisfies Record<string, Format>

export type VnFormatName = keyof typeof vnFormats

/**
 * Registers {@link vnFormats} on an Ajv instance and returns it; fits @rjsf's `extenderFn`.
 * @example customizeValidator({ extenderFn: addVnFormats })
 */
export function addVnFormats<T extends { addFormat(name: string, format: Format): unknown }>(ajv: T): T {
  for (const [name, format] of Object.entries(vnFormats)) ajv.addFormat(name, format)
  return ajv
}
