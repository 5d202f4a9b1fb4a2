// VietQR is Napas's profile of the EMVCo merchant-presented QR code: a string of ID–length–value fields
// ending with a CRC. See the README for the specification this follows.

/** Napas's globally unique identifier in the merchant account information template (ID 38). */
export const NAPAS_GUID = 'A000000727'
/** Napas 24/7 inter-bank fund transfer to an account (QRIBFTTC is the same to a card). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA'

/** One EMV data object: a two-digit ID, a two-digit length and the value. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`Bad EMV field ID ${id}`)
  if (value.length > 99) throw new RangeError(`EMV field ${id} is longer than 99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) as 4 upper-case hex digits.
 * @example crc16('123456789') // '29B1'
 */
export function crc16(text: string): string {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

export interface VietQrInput {
  /** The beneficiary bank's 6-digit Napas BIN (acquirer ID), e.g. 970415. */
  bankBin: string
  /** The beneficiary account number (up to 19 letters or digits). */
  accountNumber: string
  /** Whole đồng; omitted for a static code where the payer types the amount. */
  amount?: number
  /** Additional data 62, field 08: purpose of transaction (transfer content), ≤ 25 printable ASCII characters. */
  purpose?: string
  /** Additional data 62, field 01: bill number (used by Napas's own examples). */
  billNumber?: string
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * The VietQR payload for a transfer to a bank account, CRC included.
 * @example buildVietQr({ bankBin: '970415', accountNumber: '0011001932418', amount: 8000, purpose: '000.01.21.H49-251128-0001' })
 */
export function buildVietQr(input: VietQrInput): string {
  const { bankBin, accountNumber, amount, purpose, billNumber } = input
  if (!/^\d{6}$/.test(bankBin)) throw new RangeError('The bank BIN must be 6 digits')
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber))
    throw new RangeError('The account number must be 1–19 letters or digits')
  if (amount !== undefined && !(Number.isSafeInteger(amount) && amount > 0 && String(amount).length <= 13))
    throw new RangeError('The amount must be a positive whole number of đồng')
  for (const [name, text] of [
    ['purpose', purpose],
    ['bill number', billNumber],
  ] as const) {
    if (text !== undefined && (text.length > 25 || !PRINTABLE_ASCII.test(text)))
      throw new RangeError(`The ${name} must be at most 25 printable ASCII characters`)
  }

  const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber)
  const merchantAccount = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT)
  const additional = (billNumber ? tlv('01', billNumber) : '') + (purpose ? tlv('08', purpose) : '')
  const withoutCrc =
    tlv('00', '01') + // payload format indicator
    tlv('01', amount === undefined ? '11' : '12') + // point of initiation: 11 static, 12 dynamic (one payment)
    tlv('38', merchantAccount) +
    tlv('53', '704') + // currency: VND
    (amount === undefined ? '' : tlv('54', String(amount))) +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304' // the CRC covers its own ID and length
  return withoutCrc + crc16(withoutCrc)
}
