// Dates are stored as ISO `YYYY-MM-DD` (JSON Schema `format: date`) and shown and typed as `dd/mm/yyyy`.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= last
}

/**
 * An ISO date as Vietnamese readers write it; anything else comes back unchanged.
 * @example isoToVnDate('2026-11-20') // '20/11/2026'
 */
export function isoToVnDate(value: string): string {
  const match = ISO.exec(value)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value
}

/**
 * A typed `dd/mm/yyyy` date as ISO `YYYY-MM-DD`, or undefined when it is incomplete or not a real day.
 * @example vnDateToIso('5/3/1997') // '1997-03-05'
 */
export function vnDateToIso(text: string): string | undefined {
  const match = VN.exec(text.trim())
  if (!match) return undefined
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (!isRealDate(year, month, day)) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Masks what a person types into `dd/mm/yyyy`: keeps digits, inserts the slashes, and accepts
 * `.`, `-` or space as separators (`5.3.1997` → `05/03/1997`).
 * @example maskVnDate('20112026') // '20/11/2026'
 */
export function maskVnDate(typed: string): string {
  // A separator right after a single digit pads it: "5/" → "05/".
  const parts = typed.replace(/[.\-\s]/g, '/').split('/')
  let digits = ''
  for (const [i, part] of parts.entries()) {
    const clean = part.replace(/\D/g, '')
    const isLast = i === parts.length - 1
    if (!isLast && i < 2 && clean.length === 1) digits += `0${clean}`
    else digits += clean
  }
  digits = digits.slice(0, 8)
  let out = digits.slice(0, 2)
  if (digits.length > 2 || (digits.length === 2 && /\/$/.test(typed))) out += `/${digits.slice(2, 4)}`
  if (digits.length > 4 || (digits.length === 4 && /\/$/.test(typed))) out += `/${digits.slice(4, 8)}`
  return out
}
