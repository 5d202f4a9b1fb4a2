import { isRecord } from './issue'
import type { ProcedureDefinition, Step } from './procedure-definition.generated'
import { allSound, items, type Soundness } from './well-formed'

/** One list of steps: the base steps or a case's own steps. */
export interface StepList {
  /** JSON pointer of the list, e.g. `/steps` or `/cases/0/steps`. */
  path: string
  steps: Step[]
}

/** The parts of a step the step and graph checks read. */
const structure = ['key', 'role', 'status', 'actions']

/**
 * The base step list and the step list of every case that replaces it; only lists whose steps' keys, roles,
 * statuses and actions passed the meta-schema.
 */
export function stepLists(def: ProcedureDefinition, sound: Soundness = allSound): StepList[] {
  const lists: StepList[] = []
  const add = (steps: unknown, path: string) => {
    if (!Array.isArray(steps)) return
    if (steps.every((_, i) => structure.every((part) => sound(`${path}/${i}/${part}`))))
      lists.push({ path, steps: steps as Step[] })
  }
  add(def.steps, '/steps')
  items(def.cases).forEach((procedureCase, i) => {
    if (isRecord(procedureCase) && procedureCase.steps !== undefined) add(procedureCase.steps, `/cases/${i}/steps`)
  })
  return lists
}
