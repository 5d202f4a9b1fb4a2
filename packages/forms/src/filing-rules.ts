import {
  applicableComponents,
  computeFees,
  type FeeLine,
  type ProcedureDefinition,
  type RuleContext,
  requiredComponents,
} from '@motcua/core'
import { useMemo } from 'react'

/**
 * What a procedure asks of a dossier given its answers so far: the components that apply, the keys of the required
 * ones, and the fees (none while a rule cannot compute yet; the runtime fixes them again at filing).
 * @example const { applicable, required, fees } = useFilingRules(definition, formData, { channel: 'counter' })
 */
export function useFilingRules(definition: ProcedureDefinition, formData: Record<string, unknown>, rules: RuleContext) {
  const applicable = useMemo(() => applicableComponents(definition, formData, rules), [definition, formData, rules])
  const required = useMemo(
    () => new Set(requiredComponents(definition, formData, rules).map((c) => c.key)),
    [definition, formData, rules],
  )
  const fees = useMemo<FeeLine[]>(() => {
    try {
      return computeFees(definition, formData, rules)
    } catch {
      return []
    }
  }, [definition, formData, rules])
  return { applicable, required, fees }
}
