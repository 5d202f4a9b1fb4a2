export { escapeHtml } from './escape-html'
export { isSlipForm, renderSlip, slipTitles } from './render-slip'
export type { SlipApplicant, SlipDossier, SlipEvent, SlipForm, SlipInput, SlipProcedure, SlipUnit } from './types'
