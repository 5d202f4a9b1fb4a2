import type { CalendarDay, WorkCalendar } from '@motcua/core'
import { officialCalendar, statutoryCalendar } from '@motcua/core'
import { CliError } from './cli-error'
import { readJson } from './files'

/** The built-in calendar a file extends, if any. */
export type CalendarBase = 'official' | 'statutory'

export interface LoadedCalendar {
  calendar: Partial<WorkCalendar>
  base?: CalendarBase
}

/**
 * A calendar file: `{ officeHours?, holidays?, makeUpDays?, makeUpHours?, workingDayMinutes?, extends? }`.
 * `extends: "official"` adds the official days off and make-up days of `years`; `"statutory"` the law's days off only.
 */
export async function loadCalendar(file: string, years: [number, number]): Promise<LoadedCalendar> {
  const parsed = await readJson(file)
  if (!parsed.ok)
    throw new CliError(
      `Tệp lịch "${file}" không phải JSON: ${parsed.error}`,
      `Calendar file ${file} is not JSON: ${parsed.error}`,
    )
  const value = parsed.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`Tệp lịch "${file}" phải là một đối tượng JSON`, `Calendar file ${file} must be a JSON object`)
  }
  const { extends: base, ...calendar } = value as Partial<WorkCalendar> & { extends?: unknown }
  const known = new Set(['officeHours', 'holidays', 'makeUpDays', 'makeUpHours', 'workingDayMinutes'])
  const unknown = Object.keys(calendar).filter((key) => !known.has(key))
  if (unknown.length > 0) {
    throw new CliError(
      `Tệp lịch "${file}" có khóa lạ: ${unknown.join(', ')}`,
      `Calendar file ${file} has unknown keys: ${unknown.join(', ')}`,
    )
  }
  if (base === undefined) return { calendar }
  if (base !== 'official' && base !== 'statutory') {
    throw new CliError(
      `"extends" chỉ nhận "official" hoặc "statutory"`,
      `"extends" must be "official" or "statutory", not ${JSON.stringify(base)}`,
    )
  }
  const inherited = base === 'official' ? officialCalendar(...years).calendar : statutoryCalendar(...years)
  // A malformed list goes through unmerged so createCalendar reports it with its pointer.
  const merge = (own: unknown, theirs: CalendarDay[]) => (Array.isArray(own) ? [...theirs, ...own] : own)
  return {
    calendar: {
      ...calendar,
      holidays: merge(calendar.holidays ?? [], inherited.holidays) as CalendarDay[],
      makeUpDays: merge(calendar.makeUpDays ?? [], inherited.makeUpDays) as CalendarDay[],
    },
    base,
  }
}
