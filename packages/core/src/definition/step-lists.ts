import { caseEntries } from './decision-actions'
import { isRecord } from './issue'
import type { ProcedureDefinition, Step } from './procedure-definition.generated'
import { allSound, items, type Soundness } from './well-formed'

/** One list of steps: the base steps or a case's own steps. */
export interface StepList {
  /** JSON pointer of the list, e.g. `/steps` or `/cases/0/steps`. */
  path: string
  steps: Step[]
  /** Steps a dossier may enter this list at besides the first: where an officer's choice of case leads. */
  entries?: string[]
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
  // where an officer's choice of case leads: only readable when the steps and cases are well formed
  const entries = sound('/steps') && sound('/cases') ? caseEntries(def) : new Map<string, string[]>()
  return lists.map((list) => (entries.has(list.path) ? { ...list, entries: entries.get(list.path)! } : list))
}
