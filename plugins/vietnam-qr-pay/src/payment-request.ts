/** The largest amount one QR may ask for, in đồng. */
export const MAX_AMOUNT = 500_000_000

/**
 * The transfer content for a dossier: its receipt code, shortened to the 25 printable ASCII characters
 * VietQR allows by dropping first the dots, then the dashes, then (last resort) the leading characters.
 * @example purposeFor('000.01.21.H49-251128-12345') // '0000121H49-251128-12345'
 */
export function purposeFor(receiptCode: string): string {
  let text = receiptCode
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
  if (text.length > 25) text = text.replaceAll('.', '')
  if (text.length > 25) text = text.replaceAll('-', '')
  // the sequence at the end tells dossiers of one day apart, so keep the end
  return text.length > 25 ? text.slice(-25) : text
}

/** A whole, positive number of đồng up to MAX_AMOUNT written in plain digits; undefined otherwise. */
export function parseAmount(raw: unknown): number | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^[1-9]\d{0,8}$/.test(text)) return undefined
  const amount = Number(text)
  return amount <= MAX_AMOUNT ? amount : undefined
}
