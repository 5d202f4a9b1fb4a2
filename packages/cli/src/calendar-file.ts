import type { CalendarDay, WorkCalendar } from '@motcua/core'
import { statutoryCalendar } from '@motcua/core'
import { CliError } from './cli-error'
import { readJson } from './files'

/**
 * A calendar file: `{ officeHours?, holidays?, makeUpDays?, makeUpHours?, workingDayMinutes?, extends? }`.
 * `extends: "statutory"` adds the statutory holidays of 2019–2035 to the file's own.
 */
export async function loadCalendar(file: string): Promise<Partial<WorkCalendar>> {
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
  if (base === undefined) return calendar
  if (base !== 'statutory') {
    throw new CliError(`"extends" chỉ nhận "statutory"`, `"extends" must be "statutory", not ${JSON.stringify(base)}`)
  }
  const statutory = statutoryCalendar(2019, 2035)
  const own: unknown = calendar.holidays ?? []
  // A malformed list goes through unmerged so createCalendar reports it with its pointer.
  if (!Array.isArray(own)) return calendar
  return { ...calendar, holidays: [...statutory.holidays, ...(own as CalendarDay[])] }
}
