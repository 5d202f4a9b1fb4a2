export { addCounters, balanceOf, counterKeys, type StatCounters, zeroCounters } from './counters'
export { type Figures, figuresOf, type LiveCounts, medianOf } from './figures'
export { MAX_PERIOD_MONTHS, monthOf, monthStart, monthsOf, nextMonth, periodOf, type StatPeriod } from './period'
export type {
  CatalogueSummary,
  MonthPoint,
  ProcedureFigures,
  ProvinceStatistics,
  StatStructure,
  StatUnit,
  UnitStatistics,
} from './views'
export type { DeskUnitStatistics, HoldTime, OfficerTime, StepTime, WorkTimes } from './work-times'
