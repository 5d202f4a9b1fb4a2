export { perDossierActionTypes } from './check-bulk'
export { type PeriodState, periodState } from './check-effective'
export { checkFeeBounds, feeRuleBounds } from './check-fee-bounds'
export { type CataloguedPlugin, catalogueFormats, type PluginCatalogue } from './check-plugins'
export {
  checkDecision,
  type Decisions,
  decisionIssues,
  type InputSchema,
  inputSchemaOf,
  inputUiOf,
  selectableCases,
} from './decision-input'
export { describeRule } from './describe-rule'
export { type DefinitionChange, describeTime, diffDefinitions } from './diff'
export {
  applicableComponents,
  computeFees,
  effectiveProcessingTime,
  effectiveSteps,
  type FeeLine,
  findAction,
  requiredComponents,
  selectCase,
} from './evaluate'
export { type FormField, formFields, type Literal } from './form-fields'
export { compileFormValidator, type FormValidator } from './form-validator'
export { applyRule, type RuleChannel, type RuleData, ruleHolds, ruleOperators } from './json-logic'
export { procedureMetaSchema } from './meta-validator'
export {
  firstStepStatuses,
  isTerminalOutcome,
  stayingActionTypes,
  stepStatuses,
  type TerminalOutcome,
  terminalActionOutcome,
  terminalOutcomes,
  type UnitRef,
} from './model'
export type {
  ActionInput,
  ActionRoute,
  ActionType,
  AnyUnitReception,
  ApplicantType,
  CalendarDaysBudget,
  CalendarDaysTime,
  CallOut,
  ComponentTemplate,
  Consultation,
  DecisionField,
  DecisionInput,
  DefinitionSource,
  DeliveryMethod,
  DossierComponent,
  EffectivePeriod,
  Fee,
  FormSchema,
  JsonLogicRule,
  LegalDocument,
  NamedConstant,
  NoTime,
  OnlineMode,
  PluginUse,
  PostalFee,
  Prefill,
  ProcedureCase,
  ProcedureDefinition,
  ProcedureForm,
  ProcessingTime,
  Reception,
  ResultData,
  ResultDelivery,
  ResultDocument,
  ResultDocumentBlock,
  ResultDocumentSigner,
  SameDayTime,
  Step,
  StepAction,
  StepBudget,
  WorkingDaysBudget,
  WorkingDaysTime,
  WorkingHoursBudget,
  WorkingHoursTime,
} from './procedure-definition.generated'
export { constantValues, type RuleContext, ruleChannels, ruleData } from './rule-context'
export { daysBetween, yearsBetween } from './rule-dates'
export { type DefinitionValidation, type ValidateOptions, validateDefinition } from './validate-definition'
