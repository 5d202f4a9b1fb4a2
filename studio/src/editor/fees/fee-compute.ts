import { computeFees, DomainError, type Message, type ProcedureDefinition, type RuleContext } from '@motcua/core'
import type { DraftDefinition } from '../section'

/** One fee of the tester: its amount, or why it could not be computed. */
export interface TriedFee {
  key: string
  name: string
  amount?: number
  error?: Message
}

const notComputed: Message = {
  vi: 'Chưa tính được: kiểm tra lại quy tắc và dữ liệu mẫu.',
  en: 'Could not be computed: check the rule and the sample data.',
}

/**
 * Each fee of a draft for sample form data, computed as the runtime computes it at submission (core's
 * `computeFees`, with the case the data selects): one fee at a time, so one broken rule does not hide the others.
 * @example tryFees(def, { so_ban_sao: 2 }, { channel: 'online', today: '2026-11-30' }) // [{ key: 'phi_ban_sao', name: '…', amount: 16000 }]
 */
export function tryFees(definition: DraftDefinition, form: unknown, context: RuleContext): TriedFee[] {
  const fees = Array.isArray(definition.fees) ? definition.fees : []
  return fees.map((fee, i) => {
    const key = typeof fee?.key === 'string' ? fee.key : `#${i + 1}`
    const name = typeof fee?.name === 'string' && fee.name ? fee.name : key
    try {
      const one = { ...definition, fees: [fee] } as ProcedureDefinition
      const [line] = computeFees(one, form, context)
      return { key, name, amount: line!.amount }
    } catch (error) {
      return { key, name, error: DomainError.is(error) ? error.userMessage : notComputed }
    }
  })
}
