import type { Issue, ProcedureDefinition } from '@motcua/core'

/**
 * A definition being edited: the shape of a published one, but anything may be missing or wrong while the
 * administrator works (the validator says what), so read every part defensively.
 */
export type DraftDefinition = Partial<ProcedureDefinition> & Record<string, unknown>

/**
 * What the editor gives each of its sections (general, form, components, fees, steps, test run).
 * A section renders its part of `definition`, changes it only through `change`, and shows the `problems` whose
 * path lies under its part beside the thing each is about (see `<Problems>`).
 */
export interface SectionProps {
  definition: DraftDefinition
  /**
   * Applies an edit: `recipe` mutates a copy of the definition (the editor clones it first), and the result
   * becomes one step of undo/redo, is validated at once and autosaved. `label` names the step ("Thêm trường").
   * Edits in quick succession with the same `merge` key (by default the label) make one step: give each box its
   * own key (e.g. `fees/2/name`) so typing in it is one step and the next box starts another.
   */
  change: (recipe: (draft: DraftDefinition) => void, label?: string, merge?: string) => void
  /** Every current problem of the definition, paths from its root (`/steps/2/budget`), in both languages. */
  problems: Issue[]
  /** True while the draft cannot be edited (awaiting a second approval, or the account may only read). */
  readOnly: boolean
}

/** The problems at `path` or under it (`/form/schema` → also `/form/schema/properties/x`). */
export const problemsUnder = (problems: Issue[], path: string): Issue[] =>
  problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`))
