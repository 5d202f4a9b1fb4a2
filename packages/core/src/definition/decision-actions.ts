import { selectableCases } from './decision-input'
import { isTerminalOutcome } from './model'
import type { ProcedureDefinition, Step, StepAction } from './procedure-definition.generated'

/** One declared action with where it sits: its JSON pointer and its step list (`/steps` or `/cases/0/steps`). */
export interface PlacedAction {
  action: StepAction
  step: Step
  /** JSON pointer of the action, e.g. `/steps/1/actions/2`. */
  at: string
  listPath: string
}

/** Every declared action of the base steps and of each case's own steps. */
export function placedActions(def: ProcedureDefinition): PlacedAction[] {
  const placed: PlacedAction[] = []
  const walk = (steps: Step[], listPath: string) =>
    steps.forEach((step, i) =>
      step.actions.forEach((action, j) => placed.push({ action, step, at: `${listPath}/${i}/actions/${j}`, listPath })),
    )
  walk(def.steps, '/steps')
  def.cases?.forEach((c, i) => {
    if (c.steps) walk(c.steps, `/cases/${i}/steps`)
  })
  return placed
}

/** The targets an action may lead to: each route's `to` and the default `to`, with their JSON pointers. */
export function actionTargets(action: StepAction, at: string): { to: string; path: string }[] {
  return [
    ...(action.routes ?? []).map((route, k) => ({ to: route.to, path: `${at}/routes/${k}/to` })),
    ...(action.to === undefined ? [] : [{ to: action.to, path: `${at}/to` }]),
  ]
}

/**
 * The steps where an officer's choice of case lets a dossier enter a case's step list, by list path: the step
 * targets of the `setsCase` actions that may choose that case (or, for the base list, none).
 */
export function caseEntries(def: ProcedureDefinition): Map<string, string[]> {
  const entries = new Map<string, string[]>()
  for (const { action, at } of placedActions(def)) {
    if (!action.setsCase) continue
    for (const caseKey of selectableCases(def, action)) {
      const index = def.cases?.findIndex((c) => c.key === caseKey) ?? -1
      const listPath = def.cases?.[index]?.steps ? `/cases/${index}/steps` : '/steps'
      const list = entries.get(listPath) ?? []
      for (const { to } of actionTargets(action, at)) if (!isTerminalOutcome(to)) list.push(to)
      entries.set(listPath, list)
    }
  }
  return entries
}
