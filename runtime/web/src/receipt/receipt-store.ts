import type { SubmittedDossier } from '../lib/types'

/** What the receipt page shows: the submission's answer, with the names the form page knew. */
export type Receipt = SubmittedDossier & { procedureName?: string; unitName?: string }

const keyOf = (code: string) => `motcua.receipt.${code}`

/**
 * The receipt kept on this device (localStorage, so a new tab or a restart still has it; sessionStorage as
 * written before), or null.
 */
export function readReceipt(code: string): Receipt | null {
  try {
    const text = localStorage.getItem(keyOf(code)) ?? sessionStorage.getItem(keyOf(code))
    return text ? (JSON.parse(text) as Receipt) : null
  } catch {
    return null
  }
}

/** Keeps the receipt on this device until the citizen removes it ("Xoá khỏi máy này"). */
export function saveReceipt(receipt: Receipt): void {
  try {
    localStorage.setItem(keyOf(receipt.receiptCode), JSON.stringify(receipt))
  } catch {
    // private browsing with no storage: the page still shows it, and the PIN brings it back
  }
}

/** Removes the receipt (and its PIN) from this device. */
export function forgetReceipt(code: string): void {
  try {
    localStorage.removeItem(keyOf(code))
    sessionStorage.removeItem(keyOf(code))
  } catch {
    // nothing stored
  }
}
