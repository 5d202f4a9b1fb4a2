import { caseEntries } from './decision-actions'
import type { ProcedureDefinition, Step } from './procedure-definition.generated'

/** One list of steps: the base steps or a case's own steps. */
export interface StepList {
  /** JSON pointer of the list, e.g. `/steps` or `/cases/0/steps`. */
  path: string
  steps: Step[]
  /** Steps a dossier may enter this list at besides the first: where an officer's choice of case leads. */
  entries?: string[]
}

/** The base step list and the step list of every case that replaces it. */
export function stepLists(def: ProcedureDefinition): StepList[] {
  const lists: StepList[] = [{ path: '/steps', steps: def.steps }]
  def.cases?.forEach((procedureCase, i) => {
    if (procedureCase.steps) lists.push({ path: `/cases/${i}/steps`, steps: procedureCase.steps })
  })
  const entries = caseEntries(def)
  return lists.map((list) => (entries.has(list.path) ? { ...list, entries: entries.get(list.path)! } : list))
}
