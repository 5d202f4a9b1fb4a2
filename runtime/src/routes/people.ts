import { DomainError, type Role, vietnamDate } from '@motcua/core'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import {
  type Actor,
  createAccount,
  type GrantInput,
  listAccounts,
  replaceGrants,
  updateAccount,
} from '../people/accounts'
import { adminScope, STAFF_ROLES } from '../people/scope'
import { administeredUnits } from '../people/units'

const UNIT_CODE = '^[0-9A-Za-z._-]{1,30}$'
const fullName = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'họ và tên' }
const password = {
  type: 'string',
  minLength: 10,
  maxLength: 200,
  description: 'at least 10 characters; stored only as an argon2id hash',
}
const grants = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    properties: {
      role: { type: 'string', enum: [...STAFF_ROLES] },
      unitCode: { type: 'string', pattern: UNIT_CODE },
    },
    required: ['role', 'unitCode'],
    additionalProperties: false,
  },
}

const usersQuery = queryParams<{ q?: string; unit?: string; role?: Role; page: number; pageSize: number }>({
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 100 },
    unit: { type: 'string', pattern: UNIT_CODE },
    role: { type: 'string', enum: [...STAFF_ROLES] },
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
})
const newAccountBody = jsonBody<{ username: string; fullName: string; password: string; grants: GrantInput[] }>({
  type: 'object',
  properties: {
    username: {
      type: 'string',
      pattern: '^[a-z0-9.]{3,50}$',
      description: '3–50 lower-case letters, digits and dots',
    },
    fullName,
    password,
    grants: { ...grants, minItems: 1 },
  },
  required: ['username', 'fullName', 'password', 'grants'],
  additionalProperties: false,
})
const accountChangeBody = jsonBody<{ fullName?: string; disabled?: boolean; password?: string }>({
  type: 'object',
  properties: { fullName, disabled: { type: 'boolean' }, password },
  minProperties: 1,
  additionalProperties: false,
})
const grantsBody = jsonBody<{ grants: GrantInput[] }>({
  type: 'object',
  properties: { grants },
  required: ['grants'],
  additionalProperties: false,
})

const unknownUnit = (code: string) =>
  new DomainError('INVALID_DATA', { vi: `Không có đơn vị mã ${code}.`, en: `No unit ${code}.` }, [
    { code: 'unit.unknown', path: '/query/unit', message: { vi: 'Không có đơn vị này', en: 'No such unit' } },
  ])

const actor = (c: Context<AppEnv>): Actor => ({ userId: requirePrincipal(c).userId, sessionToken: c.var.sessionToken })
const scopeOf = (c: Context<AppEnv>) => adminScope(c.var.units, requirePrincipal(c))

/**
 * Administrators manage officers' and administrators' accounts and their roles: a province administrator every
 * account, a unit's administrator those whose roles lie in its units (citizens' accounts are not managed here).
 */
export const peopleRoutes = new Hono<AppEnv>()
  .get('/api/admin/units', requireRole(...ADMIN_ROLES), async (c) =>
    c.json(await administeredUnits(c.var.database.db, await scopeOf(c), vietnamDate(c.var.clock()))),
  )
  .get('/api/admin/users', requireRole(...ADMIN_ROLES), async (c) => {
    const { unit, ...filter } = usersQuery.read(c)
    let unitIds: string[] | undefined
    if (unit) {
      const found = await c.var.units.byCode(unit)
      if (!found) throw unknownUnit(unit)
      unitIds = await c.var.units.subtree(found.id)
    }
    return c.json(
      await listAccounts(c.var.database.db, await scopeOf(c), { ...filter, ...(unitIds ? { unitIds } : {}) }),
    )
  })
  .post('/api/admin/users', requireRole(...ADMIN_ROLES), async (c) => {
    const body = await newAccountBody.read(c)
    const account = await createAccount(c.var.database.db, c.var.units, await scopeOf(c), actor(c), body)
    return c.json(account, 201)
  })
  .patch('/api/admin/users/:id', requireRole(...ADMIN_ROLES), async (c) => {
    const change = await accountChangeBody.read(c)
    return c.json(await updateAccount(c.var.database.db, await scopeOf(c), actor(c), c.req.param('id'), change))
  })
  .put('/api/admin/users/:id/grants', requireRole(...ADMIN_ROLES), async (c) => {
    const { grants } = await grantsBody.read(c)
    const { db } = c.var.database
    return c.json(await replaceGrants(db, c.var.units, await scopeOf(c), actor(c), c.req.param('id'), grants))
  })

const admins = [...ADMIN_ROLES]
const account =
  '{id, username, fullName, disabled, isDemo, grants: [{role, unitCode, unitName}]} (grants outside your units are not shown)'
export const peopleDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/units',
    tag: 'administration',
    summary:
      'The units in force today that I administer (a province administrator: all), parents before their children; a parentCode may name a unit above my part of the tree',
    access: admins,
    responses: { 200: '[{code, name, level, parentCode}]' },
  },
  {
    method: 'get',
    path: '/api/admin/users',
    tag: 'administration',
    summary:
      'Officers’ and administrators’ accounts with a role in my units (a province administrator also sees accounts left without any role), by username',
    access: admins,
    query: [
      { name: 'q', description: 'words of the name or username, with or without diacritics' },
      { name: 'unit', description: 'a unit code: accounts with a role in it or a unit below it' },
      { name: 'role', description: 'receiving_officer, specialist, leader, unit_admin, province_admin' },
      { name: 'page', description: 'from 1 (default 1)' },
      { name: 'pageSize', description: '1–200 (default 50)' },
    ],
    responses: { 200: `{items: [${account}], total}`, 400: 'a bad parameter or an unknown unit' },
  },
  {
    method: 'post',
    path: '/api/admin/users',
    tag: 'administration',
    summary:
      'Create an officer’s or administrator’s account with its roles (each in my units; province_admin only by a province administrator); audited without the password',
    access: admins,
    body: newAccountBody,
    responses: {
      201: account,
      400: 'a bad username (3–50 of a-z, 0-9, .), a password under 10 characters, an unknown unit (at its path)',
      403: 'a role outside my units, or province_admin by a unit administrator',
      409: 'the username is taken',
    },
  },
  {
    method: 'patch',
    path: '/api/admin/users/:id',
    tag: 'administration',
    summary:
      'Change an account’s name, set a new password or disable/enable it; disabling or a new password ends its sessions (the caller’s own stays); audited without the password',
    access: admins,
    body: accountChangeBody,
    responses: {
      200: account,
      403: 'the account also holds roles outside my units (only a province administrator may change it)',
      404: 'no such account among those I manage',
      409: 'disabling my own account',
    },
  },
  {
    method: 'put',
    path: '/api/admin/users/:id/grants',
    tag: 'administration',
    summary:
      'Replace the account’s roles within my units (its roles elsewhere are kept); audited with the roles before and after',
    access: admins,
    body: grantsBody,
    responses: {
      200: account,
      400: 'an unknown unit or a role listed twice (at its path)',
      403: 'a role outside my units, or province_admin by a unit administrator',
      404: 'no such account among those I manage',
      409: 'removing my own last administrator role',
    },
  },
]
