export type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils'
export { type AdministrativeUnit, composeAddress, DEFAULT_PROVINCE, parseAddress } from './address'
export { checkDateRules } from './date-rules'
export {
  DeliveryChoice,
  type DeliveryDraft,
  type DeliveryErrors,
  type DeliveryTexts,
  deliveryIssueErrors,
  deliveryProblems,
  deliveryToSend,
} from './delivery-choice'
export {
  type ApiIssue,
  firstErrorId,
  hasErrors,
  issuesByName,
  issuesToErrorSchema,
  type ListedError,
  listErrors,
  pickErrors,
} from './error-schema'
export { ErrorSummary, focusField } from './error-summary'
export { acceptOf, checkFile, type FileProblem, maxMbOf, showSize, sniffType } from './file-check'
export { useFilingRules } from './filing-rules'
export { countFields, type FormStep, formSteps, orderedKeys } from './form-steps'
export { FormSummary } from './form-summary'
export { ProcedureForm, type ProcedureFormProps, validateForm } from './procedure-form'
export {
  type FormValidators,
  type FormValidatorsFactory,
  loadFormValidators,
  precompiledFormValidators,
} from './standalone/load'
export { type FormValidatorsRuntime, formValidatorsRuntime } from './standalone/runtime'
export { type SummaryRow, showValue, summarizeForm } from './summary'
export { templates, widgets } from './theme'
export { type FormContributions, pluginWidgets, type WidgetSpec } from './theme/plugin-widgets'
export { translator } from './translate'
export { UnitPicker, type UnitPickerLabels, type UnitPickerProps } from './unit-picker'
export { loadUnits } from './units'
export { type FormLocale, formValidator } from './validator'
export { isoToVnDate, maskVnDate, vnDateToIso } from './vn-date'
export { formatVnd, groupDigits, parseVnd } from './vnd'
