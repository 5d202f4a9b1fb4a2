import type { Role } from '@motcua/core'
import { type Db, units, userRoles, users } from '@motcua/db'
import { hashPassword } from '../auth/passwords'

/** The password of every demo account unless DEMO_PASSWORD says otherwise (documented in the README). */
export const DEFAULT_DEMO_PASSWORD = 'motcua-demo'

const officerRoles: [prefix: string, role: Role, title: string][] = [
  ['tiepnhan', 'receiving_officer', 'Cán bộ một cửa'],
  ['chuyenvien', 'specialist', 'Chuyên viên'],
  ['lanhdao', 'leader', 'Lãnh đạo'],
]

/**
 * Demo accounts, all marked `is_demo` and sharing one password (hashed once: 660 argon2 hashes would
 * take half a minute): `admin`, `congdan`, `congdan2`, and `tiepnhan.<unit>`, `chuyenvien.<unit>`,
 * `lanhdao.<unit>` for every unit (unit codes in lower case, e.g. `tiepnhan.06649`, `lanhdao.stp`). The units'
 * administrators come with them (`seedUnitAdminAccounts`).
 */
export async function seedDemoAccounts(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password)
  const allUnits = await db.select({ id: units.id, code: units.code, name: units.name, level: units.level }).from(units)
  const province = allUnits.find((u) => u.level === 'province')
  const people = [
    {
      username: 'admin',
      fullName: 'Quản trị tỉnh (tài khoản demo)',
      grants: [{ role: 'province_admin' as Role, unitId: province?.id ?? null }],
    },
    {
      username: 'congdan',
      fullName: 'Nguyễn Văn An (tài khoản demo)',
      idNumber: '022090001234',
      phone: '0912345678',
      grants: [{ role: 'citizen' as Role, unitId: null }],
    },
    {
      username: 'congdan2',
      fullName: 'Trần Thị Bình (tài khoản demo)',
      idNumber: '022195004321',
      phone: '0987654321',
      grants: [{ role: 'citizen' as Role, unitId: null }],
    },
    ...allUnits.flatMap((unit) =>
      officerRoles.map(([prefix, role, title]) => ({
        username: `${prefix}.${unit.code.toLowerCase()}`,
        fullName: `${title} – ${unit.name} (tài khoản demo)`,
        grants: [{ role, unitId: unit.id }],
      })),
    ),
  ]
  const inserted = await db
    .insert(users)
    .values(people.map(({ grants: _, ...p }) => ({ ...p, passwordHash, isDemo: true })))
    .returning({ id: users.id, username: users.username })
  const idOf = new Map(inserted.map((u) => [u.username, u.id]))
  await db
    .insert(userRoles)
    .values(people.flatMap((p) => p.grants.map((g) => ({ userId: idOf.get(p.username)!, ...g }))))
}

/**
 * A demo administrator for every unit, `quantri.<unit>` (e.g. `quantri.193`, `quantri.stp`), with the one shared
 * password hashed once. A step of its own, so installations seeded before it get them too; an account of that name
 * already there (one an administrator made) is left as it is.
 */
export async function seedUnitAdminAccounts(db: Db, password: string): Promise<void> {
  const allUnits = await db.select({ id: units.id, code: units.code, name: units.name }).from(units)
  if (allUnits.length === 0) return
  const passwordHash = await hashPassword(password)
  const people = allUnits.map((unit) => ({
    username: `quantri.${unit.code.toLowerCase()}`,
    fullName: `Quản trị – ${unit.name} (tài khoản demo)`,
    unitId: unit.id,
  }))
  const inserted = await db
    .insert(users)
    .values(people.map(({ unitId: _, ...p }) => ({ ...p, passwordHash, isDemo: true })))
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id, username: users.username })
  const idOf = new Map(inserted.map((u) => [u.username, u.id]))
  const grants = people.flatMap((p) =>
    idOf.has(p.username) ? [{ userId: idOf.get(p.username)!, role: 'unit_admin' as Role, unitId: p.unitId }] : [],
  )
  if (grants.length) await db.insert(userRoles).values(grants)
}
