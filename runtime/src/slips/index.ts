export { escapeHtml } from './escape-html'
export { type FormSet, formSetOf, formSetOn, formSets, isSlipForm, type SlipKind, slipKindIn } from './form-sets'
export { renderSlip } from './render-slip'
export type { SlipApplicant, SlipDossier, SlipEvent, SlipInput, SlipProcedure, SlipUnit } from './types'
