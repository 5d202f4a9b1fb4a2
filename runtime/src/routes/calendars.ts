import { DomainError } from '@motcua/core'
import { calendars } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import { loadCalendars } from '../calendar'
import {
  assignBody,
  createBody,
  dateParam,
  dayBody,
  hoursBody,
  isCalendarCode,
  notCalendarDates,
  removeDayBody,
  yearBody,
  yearParam,
} from '../calendars/calendar-input'
import { assignCalendar, changeHours, createUnitCalendar } from '../calendars/calendar-setup'
import { calendarSummaries, changeView, yearView } from '../calendars/calendar-views'
import type { EditServices } from '../calendars/change-calendar'
import type { DayEntry } from '../calendars/day-checks'
import { recordYear, removeDay, setDay } from '../calendars/day-edits'
import { type Editor, invalid, noCalendar } from '../calendars/edit-basics'
import type { Operation } from '../http/openapi'

/** The calendar of the route's `:calendarCode`, when the caller may edit it (the owner unit's administrators). */
async function editableCalendar(c: Context<AppEnv>) {
  const code = c.req.param('calendarCode')!
  const [row] = isCalendarCode(code)
    ? await c.var.database.db.select().from(calendars).where(eq(calendars.code, code))
    : []
  if (!row) throw noCalendar(code)
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMIN_ROLES], row.ownerUnitId))) throw forbidden()
  return row
}

async function resolvedCalendar(c: Context<AppEnv>) {
  const code = c.req.param('calendarCode')!
  const calendar = (await loadCalendars(c.var.database.db)).get(code)
  if (!calendar) throw noCalendar(code)
  return calendar
}

const editor = (c: Context<AppEnv>): Editor => {
  const principal = requirePrincipal(c)
  return {
    actor: {
      userId: principal.userId,
      role: principal.grants.some((g) => g.role === 'province_admin') ? 'province_admin' : 'unit_admin',
    },
    now: c.var.clock(),
  }
}
const services = (c: Context<AppEnv>): EditServices => ({
  units: c.var.units,
  hooks: { plugins: c.var.plugins, registry: c.var.registry },
})
async function unitByCode(c: Context<AppEnv>, code: string, path: string) {
  const unit = await c.var.units.byCode(code)
  if (!unit)
    throw new DomainError('INVALID_DATA', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` }, [
      { code: 'unit.unknown', path, message: { vi: 'Đơn vị không tồn tại', en: 'Unknown unit' } },
    ])
  return unit
}

/**
 * Working calendars, administered: the province's administrators edit the province's calendar, a unit's
 * administrators their unit's own. Every edit recomputes the due dates it moves (see `changeCalendar`).
 */
export const calendarRoutes = new Hono<AppEnv>()
  .use('/api/admin/calendars', requireRole(...ADMIN_ROLES))
  .use('/api/admin/calendars/*', requireRole(...ADMIN_ROLES))
  .get('/api/admin/calendars', async (c) => c.json([...(await calendarSummaries(c.var.database.db)).values()]))
  .post('/api/admin/calendars', async (c) => {
    const body = await createBody.read(c)
    const owner = await unitByCode(c, body.ownerUnitCode, '/ownerUnitCode')
    if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMIN_ROLES], owner.id))) throw forbidden()
    const outcome = await createUnitCalendar(
      c.var.database.db,
      {
        code: body.code,
        name: body.name.trim(),
        ownerUnitId: owner.id,
        parentCode: body.parentCode ?? 'default',
        officeHours: body.officeHours ?? null,
        counterHours: body.counterHours ?? null,
      },
      body.source ?? null,
      editor(c),
      services(c),
    )
    const summary = (await calendarSummaries(c.var.database.db)).get(body.code)
    return c.json({ calendar: summary, change: changeView(outcome) }, 201)
  })
  .get('/api/admin/calendars/:calendarCode', async (c) => {
    const code = c.req.param('calendarCode')
    const summary = (await calendarSummaries(c.var.database.db)).get(code)
    if (!summary) throw noCalendar(code)
    return c.json(summary)
  })
  .put('/api/admin/calendars/:calendarCode/hours', async (c) => {
    const body = await hoursBody.read(c)
    const row = await editableCalendar(c)
    const { source: why, ...change } = body
    const outcome = await changeHours(c.var.database.db, row.code, change, why, editor(c), services(c))
    return c.json({ calendar: (await calendarSummaries(c.var.database.db)).get(row.code), change: changeView(outcome) })
  })
  .get('/api/admin/calendars/:calendarCode/years/:year', async (c) => {
    const year = yearParam(c)
    return c.json(yearView(await resolvedCalendar(c), year))
  })
  .put('/api/admin/calendars/:calendarCode/years/:year', async (c) => {
    const year = yearParam(c)
    const body = await yearBody.read(c)
    const issues = notCalendarDates({ holidays: body.holidays, makeUpDays: body.makeUpDays })
    if (issues.length) throw invalid(issues)
    const row = await editableCalendar(c)
    const trim = (d: DayEntry): DayEntry => ({ ...d, name: d.name.trim(), ...(d.source ? { source: d.source } : {}) })
    const outcome = await recordYear(
      c.var.database.db,
      row.code,
      {
        year,
        provisional: body.provisional ?? false,
        source: body.source ?? null,
        holidays: body.holidays.map(trim),
        makeUpDays: body.makeUpDays.map(trim),
      },
      editor(c),
      services(c),
    )
    return c.json({ year: yearView(await resolvedCalendar(c), year), change: changeView(outcome) })
  })
  .put('/api/admin/calendars/:calendarCode/days/:date', async (c) => {
    const date = dateParam(c)
    const body = await dayBody.read(c)
    const row = await editableCalendar(c)
    const outcome = await setDay(
      c.var.database.db,
      row.code,
      { date, kind: body.kind, name: body.name.trim(), source: body.source },
      editor(c),
      services(c),
    )
    const calendar = await resolvedCalendar(c)
    return c.json({ day: calendar.days.get(date), change: changeView(outcome) })
  })
  .delete('/api/admin/calendars/:calendarCode/days/:date', async (c) => {
    const date = dateParam(c)
    const body = await removeDayBody.read(c)
    const row = await editableCalendar(c)
    const outcome = await removeDay(c.var.database.db, row.code, date, body.source, editor(c), services(c))
    const calendar = await resolvedCalendar(c)
    return c.json({ day: calendar.days.get(date) ?? null, change: changeView(outcome) })
  })
  .put('/api/admin/units/:unitCode/calendar', requireRole(...ADMIN_ROLES), async (c) => {
    const body = await assignBody.read(c)
    const unit = await c.var.units.byCode(c.req.param('unitCode'))
    if (!unit) throw new DomainError('NOT_FOUND', { vi: 'Không tìm thấy đơn vị này.', en: 'No such unit.' })
    const principal = requirePrincipal(c)
    if (!(await holdsRoleOver(c.var.units, principal, [...ADMIN_ROLES], unit.id))) throw forbidden()
    const [calendar] = await c.var.database.db.select().from(calendars).where(eq(calendars.code, body.calendarCode))
    const lineage = await c.var.units.lineage(unit.id)
    // a unit follows the province's calendar, or one of its own or of a unit above it: never a neighbour's, whose
    // administrators would then move this unit's deadlines
    if (!calendar || (calendar.ownerUnitId && !lineage.includes(calendar.ownerUnitId))) {
      const message = {
        vi: `Đơn vị ${unit.name} chỉ dùng được lịch của tỉnh, của chính đơn vị hoặc của đơn vị cấp trên.`,
        en: 'A unit may follow the province’s calendar, its own, or one of a unit above it.',
      }
      throw new DomainError('INVALID_DATA', message, [{ code: 'calendar.notInScope', path: '/calendarCode', message }])
    }
    const outcome = await assignCalendar(
      c.var.database.db,
      unit.id,
      calendar.code,
      body.source ?? null,
      editor(c),
      services(c),
    )
    return c.json({ unitCode: unit.code, calendarCode: calendar.code, change: changeView(outcome) })
  })

const editResponses = {
  200: '{…, change: {changeId, movedCount, moved: [{receiptCode, dueAtBefore, dueAtAfter, stepDueAtBefore, stepDueAtAfter}], unexplained}}',
  400: 'invalid, each problem at its path (a date twice, a make-up day on a working day, a day off that means nothing)',
  403: 'not an administrator of the calendar’s unit',
  404: 'no such calendar',
  409: 'a dossier changed meanwhile: nothing saved, try again',
}

export const calendarDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/calendars',
    tag: 'calendars',
    summary: 'The working calendars: hours after inheritance, owner, the units that follow each, every year’s status',
    access: [...ADMIN_ROLES],
    responses: { 200: '[{code, name, parentCode, ownerUnit, officeHours, counterHours, unitCodes, years}]' },
  },
  {
    method: 'post',
    path: '/api/admin/calendars',
    tag: 'calendars',
    summary:
      'Create a unit’s calendar inheriting the province’s (or parentCode’s) days and hours; counterHours may open when no working time counts (a Saturday morning)',
    access: [...ADMIN_ROLES],
    body: createBody,
    responses: {
      201: '{calendar, change}',
      400: 'invalid',
      403: 'not an administrator of that unit',
      409: 'the code is taken',
    },
  },
  {
    method: 'get',
    path: '/api/admin/calendars/:calendarCode',
    tag: 'calendars',
    summary: 'One calendar',
    access: [...ADMIN_ROLES],
    responses: { 200: 'the calendar', 404: 'no such calendar' },
  },
  {
    method: 'put',
    path: '/api/admin/calendars/:calendarCode/hours',
    tag: 'calendars',
    summary:
      'Change the name, office hours (deadlines count them) or counter hours (dossiers are received then); null inherits',
    access: [...ADMIN_ROLES],
    body: hoursBody,
    responses: editResponses,
  },
  {
    method: 'get',
    path: '/api/admin/calendars/:calendarCode/years/:year',
    tag: 'calendars',
    summary: 'A year: provisional or the decision it follows, and every day off and make-up day with its source',
    access: [...ADMIN_ROLES],
    responses: { 200: '{calendarCode, year, provisional, source, days}', 400: 'not a year', 404: 'no such calendar' },
  },
  {
    method: 'put',
    path: '/api/admin/calendars/:calendarCode/years/:year',
    tag: 'calendars',
    summary:
      'Record a year’s decision when it is published: the year’s days off and make-up days replace the calendar’s own, with the source',
    access: [...ADMIN_ROLES],
    body: yearBody,
    responses: editResponses,
  },
  {
    method: 'put',
    path: '/api/admin/calendars/:calendarCode/days/:date',
    tag: 'calendars',
    summary: 'Add or change one day off or make-up day, with its source',
    access: [...ADMIN_ROLES],
    body: dayBody,
    responses: editResponses,
  },
  {
    method: 'delete',
    path: '/api/admin/calendars/:calendarCode/days/:date',
    tag: 'calendars',
    summary: 'Remove one of the calendar’s own days, saying on what authority',
    access: [...ADMIN_ROLES],
    body: removeDayBody,
    responses: editResponses,
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/calendar',
    tag: 'calendars',
    summary: 'Make a unit follow a calendar (the province’s, its own or a unit’s above it)',
    access: [...ADMIN_ROLES],
    body: assignBody,
    responses: { ...editResponses, 400: 'a calendar outside the unit’s line', 404: 'no such unit' },
  },
]
