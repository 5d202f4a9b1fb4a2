import {
  applicableComponents,
  computeFees,
  type DeliveryMethod,
  type FeeLine,
  type ProcedureDefinition,
  postalFeeLine,
  type RuleContext,
  requiredComponents,
} from '@motcua/core'
import { useMemo } from 'react'

/**
 * What a procedure asks of a dossier given its answers so far: the components that apply, the keys of the required
 * ones, and the fees (none while a rule cannot compute yet; the runtime fixes them again at filing), with the postage
 * when the result goes by post.
 * @example const { applicable, required, fees } = useFilingRules(definition, formData, { channel: 'counter' }, 'post')
 */
export function useFilingRules(
  definition: ProcedureDefinition,
  formData: Record<string, unknown>,
  rules: RuleContext,
  delivery?: DeliveryMethod,
) {
  const applicable = useMemo(() => applicableComponents(definition, formData, rules), [definition, formData, rules])
  const required = useMemo(
    () => new Set(requiredComponents(definition, formData, rules).map((c) => c.key)),
    [definition, formData, rules],
  )
  const fees = useMemo<FeeLine[]>(() => {
    const postal = delivery === 'post' ? postalFeeLine(definition) : undefined
    let ruled: FeeLine[] = []
    try {
      ruled = computeFees(definition, formData, rules)
    } catch {
      // a rule reading an answer not given yet: no fee shown until it is
    }
    return postal ? [...ruled, postal] : ruled
  }, [definition, formData, rules, delivery])
  return { applicable, required, fees }
}
