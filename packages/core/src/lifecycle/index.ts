export { type ActionContext, applyAction } from './apply-action'
export { availableActions, currentStepOf } from './available-actions'
export type { ActionInputs, AvailableAction, BuiltInActionType, DossierState, TransitionEvent } from './types'
