export { addCounters, balanceOf, counterKeys, type StatCounters, zeroCounters } from './counters'
export { type Figures, figuresOf, type LiveCounts, medianOf } from './figures'
export {
  type ComputedIndicator,
  INDICATOR_GROUPS,
  type IndicatorGroup,
  type Indicators766,
  indicators766,
  MISSING_INDICATORS,
  type MissingIndicator,
} from './indicators-766'
export { MAX_PERIOD_MONTHS, monthOf, monthStart, monthsOf, nextMonth, periodOf, type StatPeriod } from './period'
export {
  type PeriodicReport,
  periodicReport,
  periodLine,
  REPORT_FORM,
  type ReportHeading,
  type ReportRow,
  reportValues,
} from './periodic-report'
export type {
  CatalogueSummary,
  MonthPoint,
  ProcedureFigures,
  ProvinceStatistics,
  RatingCounts,
  StatStructure,
  StatUnit,
  UnitStatistics,
} from './views'
export type { DeskUnitStatistics, HoldTime, OfficerTime, StepTime, WorkTimes } from './work-times'
