import { api } from '@motcua/web-kit'

/** Office or counter hours: index 0 = Sunday … 6 = Saturday, each day's intervals 'HH:MM'. */
export type WeekHours = { start: string; end: string }[][]

/** A working calendar as administrators see it (`GET /api/admin/calendars`). */
export interface CalendarSummary {
  code: string
  name: string
  parentCode: string | null
  ownerUnit: { code: string; name: string } | null
  officeHours: WeekHours
  counterHours: WeekHours
  ownHours: { office: boolean; counter: boolean }
  unitCodes: string[]
  years: { year: number; provisional: boolean; source: string | null }[]
}

/** A day off or make-up day, with the calendar that set it. */
export interface CalendarDay {
  date: string
  kind: 'holiday' | 'makeUp'
  name: string
  source: string | null
  calendarCode: string
}

export interface CalendarYear {
  calendarCode: string
  year: number
  provisional: boolean
  source: string | null
  days: CalendarDay[]
}

/** What a calendar edit did: the dossiers whose due date moved. */
export interface CalendarChange {
  change: { movedCount: number }
}

const base = (code: string) => `/api/admin/calendars/${encodeURIComponent(code)}`

/** The calendar a unit's deadlines follow: one assigned to it, else the province's (`default`). */
export const calendarOf = (calendars: CalendarSummary[], unitCode: string): CalendarSummary | undefined =>
  calendars.find((c) => c.unitCodes.includes(unitCode)) ?? calendars.find((c) => c.code === 'default')

export const loadCalendars = () => api<CalendarSummary[]>('/api/admin/calendars')
export const loadYear = (code: string, year: number) => api<CalendarYear>(`${base(code)}/years/${year}`)
export const setDay = (code: string, date: string, day: { kind: CalendarDay['kind']; name: string; source: string }) =>
  api<CalendarChange>(`${base(code)}/days/${date}`, { method: 'PUT', body: day })
export const removeDay = (code: string, date: string, source: string) =>
  api<CalendarChange>(`${base(code)}/days/${date}`, { method: 'DELETE', body: { source } })
export const changeHours = (
  code: string,
  body: { officeHours?: WeekHours; counterHours?: WeekHours; source: string },
) => api<CalendarChange>(`${base(code)}/hours`, { method: 'PUT', body })

/** Gives a unit a calendar of its own, inheriting the one it follows now, and makes the unit follow it. */
export async function ownCalendar(unit: { code: string; name: string }, parentCode: string, name: string) {
  const code = `don-vi-${unit.code.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 40)
  await api(`/api/admin/calendars`, { method: 'POST', body: { code, name, ownerUnitCode: unit.code, parentCode } })
  await api(`/api/admin/units/${encodeURIComponent(unit.code)}/calendar`, {
    method: 'PUT',
    body: { calendarCode: code },
  })
}

/** "07:30–11:30, 13:30–17:00", or '' for a day without hours. */
export const formatDay = (intervals: { start: string; end: string }[]) =>
  intervals.map((i) => `${i.start}–${i.end}`).join(', ')

/**
 * A day's hours as an administrator types them: intervals "HH:MM-HH:MM" separated by commas; empty for none.
 * @example parseDay('07:30-11:30, 13:30-17:00') // [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]
 */
export function parseDay(text: string): { start: string; end: string }[] | null {
  if (!text.trim()) return []
  const intervals = []
  for (const part of text.split(',')) {
    const match = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(part)
    if (!match) return null
    const [, h1, m1, h2, m2] = match
    const start = `${h1!.padStart(2, '0')}:${m1}`
    const end = `${h2!.padStart(2, '0')}:${m2}`
    if (start >= end || end > '24:00' || Number(m1) > 59 || Number(m2) > 59) return null
    intervals.push({ start, end })
  }
  return intervals
}
