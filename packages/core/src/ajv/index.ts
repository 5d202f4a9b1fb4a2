export { AJV_DEFAULTS, addDateRulesKeyword, createAjv } from './create-ajv'
export { addCustomFormats, type CustomFormat, type CustomFormats, customFormatMessage } from './custom-formats'
export {
  DATE_RELATIONS,
  DATE_RULES_KEYWORD,
  type DateRelation,
  type DateRuleParams,
  type DateRules,
  dateRuleErrors,
  dateRuleMessage,
  dateRulesMetaSchema,
  dateRuleTargets,
} from './date-rules'
export { formatLabels } from './format-labels'
export { isCccd, isCmnd } from './identity-formats'
export { escapePointerToken, localize, toIssues } from './localize'
export { ajvErrorMessage, GENERIC_MESSAGE } from './messages'
export { isVnMobile, isVnPhone } from './phone-formats'
export { CCCD_PROVINCE_CODES } from './province-codes'
export { isVnTaxCode } from './tax-code'
export type { Locale } from './text'
export { DIGIT_SEPARATORS, valueProblem } from './value-problems'
export { addVnFormats, isVnd, MAX_VND, type VnFormatName, vnFormats } from './vn-formats'
