import { DomainError } from '../errors'
import { applyRule, ruleHolds } from './json-logic'
import type {
  DossierComponent,
  ProcedureCase,
  ProcedureDefinition,
  ProcessingTime,
  Step,
  StepAction,
} from './procedure-definition.generated'

// These helpers trust a definition that passed `validateDefinition`; rules are still checked before they run.

/** One fee line for a dossier, in VND. */
export interface FeeLine {
  key: string
  name: string
  amount: number
}

/**
 * The first case whose `when` holds for the form data, or null (the base procedure).
 * @example selectCase(def, { can_xac_minh: true })?.key // 'can_xac_minh'
 */
export function selectCase(def: ProcedureDefinition, formData: unknown): ProcedureCase | null {
  return (
    def.cases?.find(
      (procedureCase, i) =>
        // a case without `when` is chosen only by an officer (an action with `setsCase`)
        procedureCase.when !== undefined &&
        ruleHolds(procedureCase.when, { form: formData, case: null }, `/cases/${i}/when`),
    ) ?? null
  )
}

/**
 * Every fee of the procedure for this form data: fixed amounts, and rules evaluated over `{ form, case }`.
 * @example computeFees(def, { so_trang: 3 }) // [{ key: 'phi_chung_thuc', name: 'Phí chứng thực', amount: 5000 }]
 */
export function computeFees(def: ProcedureDefinition, formData: unknown): FeeLine[] {
  const caseKey = selectCase(def, formData)?.key ?? null
  return def.fees.map((fee, i) => {
    const path = `/fees/${i}`
    const amount =
      fee.rule === undefined ? fee.amount : applyRule(fee.rule, { form: formData, case: caseKey }, `${path}/rule`)
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: `Khoản phí "${fee.name}" không tính được thành một số tiền hợp lệ`,
          en: `Fee "${fee.key}" did not compute to a finite, non-negative amount (got ${String(amount)})`,
        },
        [{ code: 'fee.invalidAmount', path, message: { vi: 'Số tiền không hợp lệ', en: 'Invalid amount' } }],
      )
    }
    return { key: fee.key, name: fee.name, amount }
  })
}

/**
 * The dossier components that apply to this form data: those without `when`, or whose `when` holds.
 * @example applicableComponents(def, formData).map((c) => c.key) // ['to_khai', 'giay_chung_sinh']
 */
export function applicableComponents(def: ProcedureDefinition, formData: unknown): DossierComponent[] {
  const caseKey = selectCase(def, formData)?.key ?? null
  return def.components.filter(
    (component, i) =>
      component.when === undefined ||
      ruleHolds(component.when, { form: formData, case: caseKey }, `/components/${i}/when`),
  )
}

/**
 * The components the applicant must attach for this form data: applicable and `required`.
 * @example requiredComponents(def, { nguoi_di_dang_ky: { la_nguoi_uy_quyen: true } }).map((c) => c.key) // ['to_khai', 'van_ban_uy_quyen']
 */
export function requiredComponents(def: ProcedureDefinition, formData: unknown): DossierComponent[] {
  return applicableComponents(def, formData).filter((component) => component.required)
}

function findCase(def: ProcedureDefinition, caseKey: string | null | undefined): ProcedureCase | undefined {
  if (caseKey === null || caseKey === undefined) return undefined
  const found = def.cases?.find((procedureCase) => procedureCase.key === caseKey)
  if (!found) {
    throw new DomainError('NOT_FOUND', {
      vi: `Thủ tục ${def.code} không có trường hợp "${caseKey}"`,
      en: `Procedure ${def.code} has no case "${caseKey}"`,
    })
  }
  return found
}

/**
 * The steps a dossier of this case goes through: the case's own steps, or the base steps.
 * @example effectiveSteps(def, null)[0]?.key // 'tiep_nhan'
 */
export function effectiveSteps(def: ProcedureDefinition, caseKey?: string | null): Step[] {
  return findCase(def, caseKey)?.steps ?? def.steps
}

/**
 * The total processing time of this case: the case's own, or the procedure's.
 * @example effectiveProcessingTime(def, 'can_xac_minh') // { kind: 'workingDays', days: 5 }
 */
export function effectiveProcessingTime(def: ProcedureDefinition, caseKey?: string | null): ProcessingTime {
  return findCase(def, caseKey)?.processingTime ?? def.processingTime
}

/**
 * A declared action of a step (in the case's steps when `caseKey` is given), or null.
 * @example findAction(def, 'tiep_nhan', 'tu_choi')?.action.to // '$refused'
 */
export function findAction(
  def: ProcedureDefinition,
  stepKey: string,
  actionKey: string,
  caseKey?: string | null,
): { step: Step; action: StepAction } | null {
  const step = effectiveSteps(def, caseKey).find((candidate) => candidate.key === stepKey)
  const action = step?.actions.find((candidate) => candidate.key === actionKey)
  return step && action ? { step, action } : null
}
