/**
 * Groups the digits of a whole number the Vietnamese way, with dots.
 * @example groupDigits(1500000) // '1.500.000'
 */
export function groupDigits(value: number): string {
  const sign = value < 0 ? '-' : ''
  return sign + String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/**
 * An amount of đồng as printed on Vietnamese receipts.
 * @example formatVnd(1000000) // '1.000.000 đ'
 */
export function formatVnd(value: number): string {
  return `${groupDigits(value)} đ`
}

/**
 * Reads an amount typed with or without grouping (`1.000.000`, `1 000 000`, `1,000,000 đ`); undefined when there are no digits.
 * @example parseVnd('1.500.000 đ') // 1500000
 */
export function parseVnd(text: string): number | undefined {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '')
  return digits ? Number(digits) : undefined
}
