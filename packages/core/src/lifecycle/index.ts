export { type ActionContext, applyAction, type GuardContext, guardHolds } from './apply-action'
export { availableActions, currentStepOf } from './available-actions'
export {
  type ConsultationOutcome,
  type ConsultationRequest,
  type ConsultationTally,
  completeConsultation,
  consultationState,
  type Opinion,
  opinions,
  tallyConsultation,
} from './consultation'
export { type DayOff, daysOffBetween, mainPath, type TestRun, type TestRunStep, testRun } from './test-run'
export type { ActionInputs, AvailableAction, BuiltInActionType, DossierState, TransitionEvent } from './types'
