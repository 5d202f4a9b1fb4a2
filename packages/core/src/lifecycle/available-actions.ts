import type { ProcedureDefinition, Step, StepAction } from '../definition'
import { effectiveSteps, inputSchemaOf, inputUiOf } from '../definition'
import type { AvailableAction, DossierState } from './types'

const builtIn = {
  acceptSupplement: (step: Step): AvailableAction => ({
    key: 'nhan_bo_sung',
    type: 'acceptSupplement',
    label: 'Nhận hồ sơ bổ sung',
    roles: [...new Set(['receiving_officer', step.role])],
    requires: [],
  }),
  withdraw: (): AvailableAction => ({
    key: 'rut_ho_so',
    type: 'withdraw',
    label: 'Rút hồ sơ theo yêu cầu của công dân',
    roles: ['receiving_officer'],
    requires: ['reason'],
    to: '$withdrawn',
  }),
  stop: (): AvailableAction => ({
    key: 'dung_xu_ly',
    type: 'stop',
    label: 'Dừng xử lý',
    roles: ['leader'],
    requires: ['reason'],
    to: '$stopped',
  }),
}

const fromDefinition = (def: ProcedureDefinition, step: Step, a: StepAction): AvailableAction => {
  const input = inputSchemaOf(def, a)
  const inputUi = inputUiOf(def, a)
  return {
    key: a.key,
    type: a.type,
    label: a.label,
    roles: a.roles ?? [step.role],
    requires: a.requires ?? [],
    ...(a.to ? { to: a.to } : {}),
    ...(input ? { input } : {}),
    ...(inputUi ? { inputUi } : {}),
    ...(a.setsCase ? { setsCase: true } : {}),
    ...(a.bulk ? { bulk: true } : {}),
  }
}

/** The current step of a dossier in its procedure (its case's steps when the case has its own). */
export function currentStepOf(def: ProcedureDefinition, state: DossierState): Step | undefined {
  return state.currentStep === null
    ? undefined
    : effectiveSteps(def, state.caseKey).find((s) => s.key === state.currentStep)
}

/**
 * The actions a dossier allows now: none once it has ended; while the clock is stopped, only taking the
 * supplement (or confirming the payment) and withdrawal; otherwise its step's actions, plus withdrawal and
 * stopping, which every step allows.
 * @example availableActions(def, dossier).map((a) => a.label) // ['Tiếp nhận', 'Từ chối tiếp nhận', …]
 */
export function availableActions(def: ProcedureDefinition, state: DossierState): AvailableAction[] {
  const step = currentStepOf(def, state)
  if (!step) return []
  if (state.pausedAt && state.status === 6)
    return [
      ...step.actions.filter((a) => a.type === 'confirmPayment').map((a) => fromDefinition(def, step, a)),
      builtIn.withdraw(),
    ]
  if (state.pausedAt) return [builtIn.acceptSupplement(step), builtIn.withdraw()]
  const own = step.actions
    .filter(
      (a) =>
        !(a.type === 'confirmPayment' && state.status !== 6) && !(a.type === 'requestPayment' && state.status === 6),
    )
    .map((a) => fromDefinition(def, step, a))
  const types = new Set(own.map((a) => a.type))
  return [
    ...own,
    ...(types.has('withdraw') ? [] : [builtIn.withdraw()]),
    ...(types.has('stop') ? [] : [builtIn.stop()]),
  ]
}
