export { type PeriodState, periodState } from './check-effective'
export type { PluginCatalogue } from './check-plugins'
export {
  checkDecision,
  type Decisions,
  decisionIssues,
  type InputSchema,
  inputSchemaOf,
  inputUiOf,
  selectableCases,
} from './decision-input'
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
export { compileFormValidator, type FormValidator } from './form-validator'
export { applyRule, type RuleData, ruleHolds, ruleOperators } from './json-logic'
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
  ApplicantType,
  CalendarDaysTime,
  ComponentTemplate,
  Consultation,
  DecisionField,
  DecisionInput,
  DefinitionSource,
  DossierComponent,
  EffectivePeriod,
  Fee,
  FormSchema,
  JsonLogicRule,
  LegalDocument,
  NoTime,
  OnlineMode,
  PluginUse,
  ProcedureCase,
  ProcedureDefinition,
  ProcedureForm,
  ProcessingTime,
  SameDayTime,
  Step,
  StepAction,
  StepBudget,
  WorkingDaysBudget,
  WorkingDaysTime,
  WorkingHoursBudget,
  WorkingHoursTime,
} from './procedure-definition.generated'
export { type DefinitionValidation, type ValidateOptions, validateDefinition } from './validate-definition'
