import type { ProcedureDefinition, Step } from './procedure-definition.generated'

/** One list of steps: the base steps or a case's own steps. */
export interface StepList {
  /** JSON pointer of the list, e.g. `/steps` or `/cases/0/steps`. */
  path: string
  steps: Step[]
}

/** The base step list and the step list of every case that replaces it. */
export function stepLists(def: ProcedureDefinition): StepList[] {
  const lists: StepList[] = [{ path: '/steps', steps: def.steps }]
  def.cases?.forEach((procedureCase, i) => {
    if (procedureCase.steps) lists.push({ path: `/cases/${i}/steps`, steps: procedureCase.steps })
  })
  return lists
}
