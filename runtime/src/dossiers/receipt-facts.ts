import { computeDue, effectiveProcessingTime, effectiveSteps, type FeeLine } from '@motcua/core'
import type { Db } from '@motcua/db'
import type { PluginHost } from '../plugins/plugin-host'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'

/** How the fees are paid: nothing to pay, online when the unit asks for them (VietQR), or at the counter. */
export type PaymentWay = 'none' | 'online' | 'atResult'

/** What the receipt's next steps are built from, beyond the dossier itself. */
export interface ReceiptFacts {
  /**
   * Not yet received (online, status 1): the appointment the unit's working calendar gives if it is received now,
   * with the processing time of the procedure's case. Null once received (the dossier's `dueAt` is the appointment)
   * or when the procedure sets no time.
   */
  expectedDueAt: Date | null
  payment: PaymentWay
  /**
   * Where plugins enabled for the unit send the applicant the code and PIN (`sendsReceipt`), masked: the mobile
   * ('0912…78') and the e-mail ('t…@example.vn'); null when nowhere.
   */
  receiptSentTo: { sms?: string; email?: string } | null
}

/**
 * A phone number as the receipt may show it: the first four and last two digits.
 * @example maskedPhone('0912 345 678') // '0912…78'
 */
export const maskedPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '').replace(/^84/, '0')
  return `${digits.slice(0, 4)}…${digits.slice(-2)}`
}

/**
 * An e-mail address as the receipt may show it: the first letter of the mailbox and the domain.
 * @example maskedEmail('trang.pham@example.vn') // 't…@example.vn'
 */
export const maskedEmail = (email: string): string => `${email.slice(0, 1)}…${email.slice(email.lastIndexOf('@'))}`

/**
 * The expected appointment and the way to pay, for the receipt's next steps.
 * @example const facts = await receiptFacts(c.var, { procedure, unitId, dossier: { status: 1, dueAt: null, caseKey: null, fees } })
 */
export async function receiptFacts(
  services: { database: { db: Db }; units: UnitDirectory; plugins?: PluginHost | undefined; clock: () => Date },
  input: {
    procedure: PublishedVersion
    unitId: string
    dossier: { status: number; receivedAt?: Date | null; dueAt: Date | null; caseKey: string | null; fees: FeeLine[] }
    applicant?: { phone?: string | undefined; email?: string | undefined } | undefined
  },
): Promise<ReceiptFacts> {
  const { procedure, unitId, dossier } = input
  const def = procedure.definition
  let expectedDueAt: Date | null = null
  if (dossier.status === 1 && !dossier.receivedAt && !dossier.dueAt) {
    const calendar = (await services.units.unitCalendarOf(unitId)).working
    expectedDueAt = computeDue(calendar, services.clock(), effectiveProcessingTime(def, dossier.caseKey))
  }
  const total = dossier.fees.reduce((sum, line) => sum + line.amount, 0)
  let payment: PaymentWay = 'none'
  if (total > 0) {
    const asksOnline = effectiveSteps(def, dossier.caseKey).some((s) =>
      s.actions.some((a) => a.type === 'requestPayment'),
    )
    const qrPay =
      asksOnline && services.plugins?.plugins.has('vietnam-qr-pay')
        ? await services.plugins.configFor(services.database.db, 'vietnam-qr-pay', unitId, def.code, def.plugins)
        : undefined
    payment = qrPay ? 'online' : 'atResult'
  }
  // a Vietnamese mobile (10 digits starting 03, 05, 07, 08, 09) or an e-mail address, to a plugin that sends receipts
  const mobile = input.applicant?.phone?.replace(/[\s.-]/g, '').replace(/^\+?84/, '0')
  const email = input.applicant?.email?.trim()
  const contact = {
    sms: mobile && /^0[35789]\d{8}$/.test(mobile) ? maskedPhone(mobile) : undefined,
    email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? maskedEmail(email) : undefined,
  }
  const sentTo: { sms?: string; email?: string } = {}
  for (const [slug, plugin] of services.plugins?.plugins ?? []) {
    const channel = plugin.manifest.sendsReceipt
    if (!channel || !contact[channel] || sentTo[channel]) continue
    if (await services.plugins!.configFor(services.database.db, slug, unitId, def.code, def.plugins))
      sentTo[channel] = contact[channel]
  }
  return { expectedDueAt, payment, receiptSentTo: Object.keys(sentTo).length ? sentTo : null }
}
