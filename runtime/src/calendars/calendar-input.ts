import { DomainError, type Issue, isCalendarDay } from '@motcua/core'
import type { WeekHours } from '@motcua/db'
import type { Context } from 'hono'
import { jsonBody } from '../http/body'
import type { DayEntry } from './day-checks'

// The calendar API's request bodies and path parameters, read and checked before any edit.

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' })
const source = { ...text(500), description: 'the notice or decision: its number and date' }
const dayEntry = {
  type: 'object',
  properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, name: text(200), source },
  required: ['date', 'name'],
  additionalProperties: false,
}
const weekHours = {
  oneOf: [
    { type: 'null' },
    {
      type: 'array',
      minItems: 7,
      maxItems: 7,
      description: 'Sunday first; each day a list of {start, end} HH:MM',
      items: {
        type: 'array',
        maxItems: 6,
        items: {
          type: 'object',
          properties: { start: { type: 'string', maxLength: 5 }, end: { type: 'string', maxLength: 5 } },
          required: ['start', 'end'],
          additionalProperties: false,
        },
      },
    },
  ],
}
const CODE = '^[a-z0-9][a-z0-9-]{0,39}$'
/** Whether a text can be a calendar's code (lower-case letters, digits and dashes). */
export const isCalendarCode = (code: string) => new RegExp(CODE).test(code)

export const yearBody = jsonBody<{
  source?: string
  provisional?: boolean
  holidays: DayEntry[]
  makeUpDays: DayEntry[]
}>({
  type: 'object',
  properties: {
    source,
    provisional: { type: 'boolean', description: 'true: days by the law’s rules only, no decision yet' },
    holidays: { type: 'array', maxItems: 80, items: dayEntry },
    makeUpDays: { type: 'array', maxItems: 30, items: dayEntry },
  },
  required: ['holidays', 'makeUpDays'],
  additionalProperties: false,
})
export const dayBody = jsonBody<{ kind: 'holiday' | 'makeUp'; name: string; source: string }>({
  type: 'object',
  properties: { kind: { enum: ['holiday', 'makeUp'] }, name: text(200), source },
  required: ['kind', 'name', 'source'],
  additionalProperties: false,
})
export const removeDayBody = jsonBody<{ source: string }>({
  type: 'object',
  properties: { source },
  required: ['source'],
  additionalProperties: false,
})
export const hoursBody = jsonBody<{
  name?: string
  officeHours?: WeekHours | null
  counterHours?: WeekHours | null
  source: string
}>({
  type: 'object',
  properties: { name: text(200), officeHours: weekHours, counterHours: weekHours, source },
  required: ['source'],
  additionalProperties: false,
})
export const createBody = jsonBody<{
  code: string
  name: string
  ownerUnitCode: string
  parentCode?: string
  officeHours?: WeekHours | null
  counterHours?: WeekHours | null
  source?: string
}>({
  type: 'object',
  properties: {
    code: { type: 'string', pattern: CODE, description: 'lower-case letters, digits and dashes' },
    name: text(200),
    ownerUnitCode: { type: 'string', maxLength: 50 },
    parentCode: { type: 'string', pattern: CODE },
    officeHours: weekHours,
    counterHours: weekHours,
    source,
  },
  required: ['code', 'name', 'ownerUnitCode'],
  additionalProperties: false,
})
export const assignBody = jsonBody<{ calendarCode: string; source?: string }>({
  type: 'object',
  properties: { calendarCode: { type: 'string', pattern: CODE }, source },
  required: ['calendarCode'],
  additionalProperties: false,
})

const invalidParam = (name: string, vi: string, en: string) =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code: 'format', path: `/path/${name}`, message: { vi, en } }])
export const dateParam = (c: Context) => {
  const date = c.req.param('date')!
  if (!isCalendarDay(date) || date < '1900' || date > '2201')
    throw invalidParam('date', 'Ngày phải là một ngày có thật, dạng YYYY-MM-DD.', 'Expected a real date YYYY-MM-DD.')
  return date
}
export const yearParam = (c: Context) => {
  const year = Number(c.req.param('year'))
  if (!/^\d{4}$/.test(c.req.param('year')!) || year < 1900 || year > 2200)
    throw invalidParam('year', 'Năm phải có 4 chữ số, từ 1900 đến 2200.', 'Expected a year 1900–2200.')
  return year
}
export const notCalendarDates = (lists: Record<string, DayEntry[]>): Issue[] =>
  Object.entries(lists).flatMap(([key, list]) =>
    list.flatMap((d, i) =>
      isCalendarDay(d.date)
        ? []
        : [
            {
              code: 'format',
              path: `/${key}/${i}/date`,
              message: { vi: `${d.date} không phải một ngày có thật`, en: `${d.date} is not a real date` },
            },
          ],
    ),
  )

/** The calendar of the route's `:calendarCode`, when the caller may edit it (the owner unit's administrators). */
