export type { ActionInputs, AvailableAction, BuiltInActionType, DossierState, TransitionEvent } from './types'
export { availableActions, currentStepOf } from './available-actions'
export { type ActionContext, applyAction } from './apply-action'
