import { channels, DomainError, dossierStatuses, vietnamDate } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { DESK_ROLES } from '../auth/role-groups'
import { canSee } from '../dossiers/officer-access'
import { registerLines } from '../dossiers/register-lines'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { printableHeaders, renderRegister } from '../slips'

/** A register page holds at most this many lines; a busier period must be printed in parts. */
export const REGISTER_MAX_LINES = 5000
const MAX_DAYS = 366

interface RegisterQuery {
  from?: string
  to?: string
  procedure?: string
  channel?: number
  status?: number
}

const date = (description: string) => ({
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  description,
})

const registerQuery = queryParams<RegisterQuery>({
  type: 'object',
  properties: {
    from: date('first day of the period, YYYY-MM-DD (default: the first day of the month of `to`)'),
    to: date('last day of the period, YYYY-MM-DD, included (default: today, Vietnam time)'),
    procedure: {
      type: 'string',
      pattern: '^[A-Za-z0-9._-]+$',
      maxLength: 50,
      description: 'only this procedure (its code, e.g. 1.001193)',
    },
    channel: { type: 'integer', minimum: 1, maximum: 3, description: '1 at the counter, 2 online, 3 by post' },
    status: { type: 'integer', minimum: 1, maximum: 10, description: 'only dossiers at this public status now' },
  },
})

const badPeriod = (vi: string, en: string, path = '/query/from') =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code: 'period', path, message: { vi, en } }])

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

/** The register (Sổ theo dõi hồ sơ) of a unit, as a printable page: its officers and the administrators over it. */
export const registerRoutes = new Hono<AppEnv>().get(
  '/api/desk/units/:unitCode/register',
  requireRole(...DESK_ROLES),
  async (c) => {
    const query = registerQuery.read(c)
    const code = c.req.param('unitCode')
    const unit = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/.test(code) ? await c.var.units.byCode(code) : undefined
    if (!unit)
      throw new DomainError('NOT_FOUND', {
        vi: `Không có đơn vị mã "${code}".`,
        en: `No unit "${code}".`,
      })
    if (!(await canSee(c.var.units, requirePrincipal(c), unit.id))) throw forbidden()
    const now = c.var.clock()
    const to = query.to ?? vietnamDate(now)
    const from = query.from ?? `${to.slice(0, 8)}01`
    if (days(from, to) < 0)
      throw badPeriod(
        'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.',
        'The period must start on or before its end.',
      )
    if (days(from, to) >= MAX_DAYS)
      throw badPeriod('Mỗi lần in tối đa 366 ngày. Vui lòng chọn kỳ ngắn hơn.', 'Print at most 366 days at a time.')
    const lines = await registerLines(c.var.database.db, {
      unitId: unit.id,
      from,
      to,
      limit: REGISTER_MAX_LINES + 1,
      ...(query.procedure === undefined ? {} : { procedureCode: query.procedure }),
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.status === undefined ? {} : { status: query.status }),
    })
    if (lines.length > REGISTER_MAX_LINES)
      throw badPeriod(
        `Kỳ này có hơn ${REGISTER_MAX_LINES} hồ sơ: vui lòng in từng phần (kỳ ngắn hơn hoặc theo thủ tục).`,
        `More than ${REGISTER_MAX_LINES} dossiers in the period: print it in parts.`,
      )
    const parent = unit.parentId ? await c.var.units.byId(unit.parentId) : undefined
    const filters = [
      query.procedure && `Thủ tục: ${query.procedure}`,
      query.channel && `Kênh: ${channels[query.channel as keyof typeof channels].vi}`,
      query.status && `Trạng thái: ${dossierStatuses[query.status as keyof typeof dossierStatuses].vi}`,
    ].filter((f): f is string => Boolean(f))
    const html = renderRegister({
      unit: { code: unit.code, name: unit.name, electronicId: unit.electronicId, parentName: parent?.name ?? null },
      from,
      to,
      filters,
      entries: lines,
      now,
    })
    return c.html(html, 200, printableHeaders)
  },
)

export const registerDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/desk/units/:unitCode/register',
    tag: 'desk',
    summary:
      'The register (Sổ theo dõi hồ sơ, Mẫu 06 of Thông tư 01/2018, Mẫu 07 of Thông tư 03/2025) of a unit for a period: A4 landscape HTML, one line per dossier received, numbered in the book of its year',
    access: [...DESK_ROLES],
    query: Object.entries(registerQuery.schema.properties).map(([name, p]) => ({
      name,
      description: String(p.description),
    })),
    responses: {
      200: 'text/html, ready to print',
      400: 'a bad filter, a period that ends before it starts or is longer than 366 days, or more than 5000 lines',
      403: 'not one of your units',
      404: 'no such unit',
    },
  },
]
