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
  /** The applicant's mobile, masked ('0912…78'), when a plugin enabled for the unit texts them the code and PIN. */
  receiptSentTo: { sms: string } | null
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
 * The expected appointment and the way to pay, for the receipt's next steps.
 * @example const facts = await receiptFacts(c.var, { procedure, unitId, dossier: { status: 1, dueAt: null, caseKey: null, fees } })
 */
export async function receiptFacts(
  services: { database: { db: Db }; units: UnitDirectory; plugins?: PluginHost | undefined; clock: () => Date },
  input: {
    procedure: PublishedVersion
    unitId: string
    dossier: { status: number; receivedAt?: Date | null; dueAt: Date | null; caseKey: string | null; fees: FeeLine[] }
    applicantPhone?: string | undefined
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
  // notify-sms sends the code and PIN to a Vietnamese mobile (its own check: 10 digits starting 03, 05, 07, 08, 09)
  const mobile = input.applicantPhone?.replace(/[\s.-]/g, '').replace(/^\+?84/, '0')
  const texts =
    mobile && /^0[35789]\d{8}$/.test(mobile) && services.plugins?.plugins.has('notify-sms')
      ? await services.plugins.configFor(services.database.db, 'notify-sms', unitId, def.code, def.plugins)
      : undefined
  return { expectedDueAt, payment, receiptSentTo: texts && mobile ? { sms: maskedPhone(mobile) } : null }
}
