export type {
  ActionInput,
  ActionType,
  ApplicantType,
  CalendarDaysTime,
  ComponentTemplate,
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
export {
  applicableComponents,
  computeFees,
  effectiveProcessingTime,
  effectiveSteps,
  findAction,
  requiredComponents,
  selectCase,
  type FeeLine,
} from './evaluate'
export { compileFormValidator, type FormValidator } from './form-validator'
export { applyRule, ruleHolds, ruleOperators } from './json-logic'
export { procedureMetaSchema } from './meta-validator'
export {
  firstStepStatuses,
  isTerminalOutcome,
  stayingActionTypes,
  stepStatuses,
  terminalActionOutcome,
  terminalOutcomes,
  type TerminalOutcome,
} from './model'
export { validateDefinition, type DefinitionValidation } from './validate-definition'
