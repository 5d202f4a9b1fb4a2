import type { Channel } from '../status'
import { isRecord } from './issue'
import type { RuleChannel, RuleData } from './json-logic'
import type { ProcedureDefinition } from './procedure-definition.generated'

/**
 * What a rule sees besides the form: the channel, today's date in Vietnam ('YYYY-MM-DD') and the constants'
 * values where an administrator changed them (the definition's own values otherwise).
 */
export interface RuleContext {
  channel?: RuleChannel | null
  today?: string | null
  constants?: Readonly<Record<string, number>>
}

/** The channel as rules name it: 1 at the counter, 2 online, 3 by post. */
export const ruleChannels: Readonly<Record<Channel, RuleChannel>> = { 1: 'counter', 2: 'online', 3: 'post' }

/** The constants' values as declared, overridden by `overrides` (an administrator's edits). */
export function constantValues(
  def: ProcedureDefinition,
  overrides: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const values: Record<string, number> = {}
  if (isRecord(def.constants)) {
    for (const [key, constant] of Object.entries(def.constants)) {
      if (isRecord(constant) && typeof constant.value === 'number') values[key] = constant.value
    }
  }
  for (const [key, value] of Object.entries(overrides)) if (Object.hasOwn(values, key)) values[key] = value
  return values
}

/** The data a rule of `def` is evaluated over. */
export function ruleData(
  def: ProcedureDefinition,
  form: unknown,
  caseKey: string | null,
  context: RuleContext = {},
): RuleData {
  return {
    form,
    case: caseKey,
    channel: context.channel ?? null,
    today: context.today ?? null,
    const: constantValues(def, context.constants),
  }
}
