import type { ProcedureDefinition, Step, StepAction } from '@motcua/core'

/** One decision an officer took, as the desk shows it: the action's label and each answer with its field's title. */
export interface DecisionView {
  actionKey: string
  label: string
  values: { field: string; title: string; value: unknown; text: string }[]
}

/** A case change an officer's decision made, as the event log keeps it (`data.caseChange`). */
export interface CaseChange {
  from: string | null
  to: string | null
  name: string | null
  nameEn: string | null
  oldDueAt: string | Date | null
  newDueAt: string | Date | null
}

const declaredActions = (def: ProcedureDefinition): StepAction[] =>
  [def.steps, ...(def.cases ?? []).map((c) => c.steps ?? [])].flatMap((steps: Step[]) =>
    steps.flatMap((s) => s.actions),
  )

/**
 * The decisions taken on a dossier, labelled from its procedure version: a chosen case shows by its name, a
 * yes/no as Có/Không.
 * @example decisionsView(def, { duyet: { so_van_ban: '125/UBND' } }) // [{ actionKey: 'duyet', label: 'Ký', values: [{ title: 'Số văn bản', … }] }]
 */
export function decisionsView(
  def: ProcedureDefinition,
  decisions: Record<string, Record<string, unknown>>,
): DecisionView[] {
  const actions = declaredActions(def)
  return Object.entries(decisions).map(([actionKey, answers]) => {
    const action = actions.find((a) => a.key === actionKey && a.input)
    return {
      actionKey,
      label: action?.label ?? actionKey,
      values: Object.entries(answers).map(([field, value]) => {
        const caseName =
          field === 'case' && action?.setsCase ? def.cases?.find((c) => c.key === value)?.name : undefined
        const text = caseName ?? (value === true ? 'Có' : value === false ? 'Không' : String(value))
        return { field, title: action?.input?.properties[field]?.title ?? field, value, text }
      }),
    }
  })
}

/** The case change an event records, if any. */
export const caseChangeOf = (data: unknown): CaseChange | undefined =>
  (data as { caseChange?: CaseChange } | null)?.caseChange ?? undefined

/**
 * Why a due date moved with an officer's choice of case, in both languages, for the citizen's tracking page.
 * @example caseChangeReason(change).vi // 'Cán bộ xác định hồ sơ thuộc trường hợp "Cần xác minh"; …'
 */
export function caseChangeReason(change: CaseChange): { vi: string; en: string } {
  const en = change.nameEn ?? 'another case of the procedure'
  return {
    vi: `Cán bộ xác định hồ sơ thuộc trường hợp "${change.name ?? change.to}"; thời hạn giải quyết được tính lại theo trường hợp này.`,
    en: `The officer found that the dossier falls under ${change.nameEn ? `"${en}"` : en}; the due date now follows that case’s processing time.`,
  }
}
