export type { SlipApplicant, SlipDossier, SlipEvent, SlipForm, SlipInput, SlipProcedure, SlipUnit } from './types'
export { isSlipForm, renderSlip, slipTitles } from './render-slip'
export { escapeHtml } from './escape-html'
