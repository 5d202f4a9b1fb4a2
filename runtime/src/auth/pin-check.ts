import { DomainError } from '@motcua/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { clientAddress } from '../http/rate-limit'
import { blockedFor, countAttempt, type LimitWindow, limitKey, tooManyAttempts } from '../http/shared-rate-limit'
import { sameSecret } from './tokens'

/**
 * Wrong PINs allowed per window: per receipt code (an 8-digit PIN then takes ~50,000 days to guess from any number
 * of addresses) and per client address (one address probing many codes).
 */
export const PIN_LIMITS = {
  perCode: { limit: 10, windowMs: 15 * 60_000 },
  perAddress: { limit: 30, windowMs: 15 * 60_000 },
}

const wrongPin = () =>
  new DomainError('FORBIDDEN', {
    vi: 'Mã tra cứu (PIN) không đúng. Vui lòng xem lại giấy tiếp nhận.',
    en: 'Wrong lookup PIN.',
  })

/**
 * The one PIN check of every endpoint (tracking with details, file download, supplement, rating): the PIN comes
 * from `X-Lookup-Pin` (the rating: its JSON body), never the URL; a wrong or missing one is the same 403 everywhere
 * and counts against the receipt code and the address in counters shared by every process; past a limit every
 * attempt, a right PIN included, is a 429 until the window ends.
 */
export async function checkLookupPin(
  c: Context<AppEnv>,
  receiptCode: string,
  lookupPinHash: string,
  /** The PIN from a JSON body (the satisfaction rating), for a route that takes it there instead of the header. */
  pin: string = c.req.header('x-lookup-pin') ?? '',
): Promise<void> {
  const windows: LimitWindow[] = [
    { key: limitKey('pin.code', receiptCode), ...PIN_LIMITS.perCode },
    { key: limitKey('pin.address', clientAddress(c)), ...PIN_LIMITS.perAddress },
  ]
  const { db } = c.var.database
  const now = c.var.clock()
  const tooMany = { vi: 'Mã tra cứu (PIN) đã bị nhập sai quá nhiều lần.', en: 'Too many wrong PINs.' }
  if (sameSecret(pin, lookupPinHash)) {
    const wait = await blockedFor(db, windows, now)
    if (wait) throw tooManyAttempts(c, wait, tooMany)
    return
  }
  const wait = await countAttempt(db, windows, now)
  if (wait) throw tooManyAttempts(c, wait, tooMany)
  throw wrongPin()
}
