import { DomainError, type Issue, vietnamDate } from '@motcua/core'
import {
  type Db,
  type OfferingSetting,
  procedureOfferingChanges,
  procedureOfferings,
  units as unitsTable,
  users,
  withTransaction,
} from '@motcua/db'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import { ADMIN_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { type OfferingServices, offeringAt } from './offering'
import { appliesOn, PUBLISHED_CHANNEL, type PublishedVersion } from './registry'

/** One unit's change as an administrator asks for it: on, off, or back to the definition (`offered: null`). */
export interface OfferingChange {
  unit: string
  offered: boolean | null
  from?: string | null
  to?: string | null
}

const problem = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

/**
 * The units in force on `day` an administrator sees for a procedure: those its definition names (or, without a
 * list, every unit of its level) and those with a setting.
 */
async function candidates(
  db: Db,
  version: PublishedVersion,
  units: UnitDirectory,
  settingUnitIds: Iterable<string>,
  day: string,
) {
  const { definition: d, ownerUnitId } = version
  const all = ownerUnitId
    ? await Promise.all((await units.subtree(ownerUnitId)).map((id) => units.byId(id)))
    : await db.select().from(unitsTable).orderBy(unitsTable.code)
  const named = new Set(d.units ?? [])
  const set = new Set(settingUnitIds)
  return all.filter(
    (u): u is UnitRow =>
      !!u &&
      u.effectiveFrom <= day &&
      (!u.effectiveTo || day < u.effectiveTo) &&
      ((d.units ? named.has(u.code) : u.level === d.level) || set.has(u.id)),
  )
}

/**
 * The offering of a procedure at each unit the caller administers, as new dossiers see it on `at`'s day, with the
 * reason where a unit does not take it, and the audit trail of the settings.
 */
export async function offeringView(
  services: OfferingServices,
  principal: Principal,
  version: PublishedVersion,
  at: Date,
) {
  const settings = await services.registry.offerings(version.procedureId)
  const today = vietnamDate(at)
  const rows = []
  for (const unit of await candidates(services.db, version, services.units, settings.keys(), today)) {
    if (!(await holdsRoleOver(services.units, principal, [...ADMIN_ROLES], unit.id))) continue
    const verdict = await offeringAt(version, unit, services, at)
    rows.push({
      unit: { code: unit.code, name: unit.name, level: unit.level },
      offered: verdict.offered,
      // what decided today: the unit's setting when one applies today, else the definition
      by: verdict.offered
        ? verdict.by
        : verdict.setting && appliesOn(verdict.setting, today)
          ? 'setting'
          : 'definition',
      setting: settings.get(unit.id) ?? null,
      reason: verdict.offered ? null : { code: verdict.code, message: verdict.why ?? verdict.message },
    })
  }
  const history = await services.db
    .select({
      at: procedureOfferingChanges.at,
      unitId: procedureOfferingChanges.unitId,
      by: users.username,
      byName: users.fullName,
      before: procedureOfferingChanges.before,
      after: procedureOfferingChanges.after,
      reason: procedureOfferingChanges.reason,
    })
    .from(procedureOfferingChanges)
    .leftJoin(users, eq(users.id, procedureOfferingChanges.actorUserId))
    .where(eq(procedureOfferingChanges.procedureId, version.procedureId))
    .orderBy(desc(procedureOfferingChanges.id))
    .limit(200)
  // the changes of the caller's units, including those whose setting is gone since
  const visible = []
  for (const { unitId, ...change } of history) {
    const unit = await services.units.byId(unitId)
    if (unit && (await holdsRoleOver(services.units, principal, [...ADMIN_ROLES], unit.id)))
      visible.push({ ...change, unit: unit.code })
  }
  return {
    code: version.code,
    version: version.version,
    level: version.definition.level,
    definitionUnits: version.definition.units ?? null,
    units: rows,
    history: visible,
  }
}

/**
 * Applies an administrator's changes in one transaction after checking all of them (every problem at its path):
 * each unit exists, is in the caller's units and the procedure's owner unit, is of the procedure's level (or named
 * by its definition), and its period ends after it starts. Every change is audited with its before and after;
 * every process reloads its registry.
 */
export async function changeOffering(
  services: OfferingServices,
  principal: Principal,
  version: PublishedVersion,
  changes: OfferingChange[],
  reason: string | undefined,
  at: Date,
): Promise<void> {
  const { units } = services
  const issues: Issue[] = []
  const found: { unit: UnitRow; change: OfferingChange }[] = []
  const seen = new Map<string, number>()
  const owner = version.ownerUnitId ? await units.subtree(version.ownerUnitId) : undefined
  const named = new Set(version.definition.units ?? [])
  // the procedure's level, and those of the units its definition names (a province procedure at a department)
  const levels = new Set([version.definition.level])
  for (const code of named) {
    const unit = await units.byCode(code)
    if (unit) levels.add(unit.level)
  }
  let outsideCaller = false
  for (const [i, change] of changes.entries()) {
    const path = `/units/${i}`
    const unit = await units.byCode(change.unit)
    if (!unit) {
      issues.push(
        problem('unit.unknown', `${path}/unit`, `Không có đơn vị mã ${change.unit}.`, `No unit ${change.unit}.`),
      )
      continue
    }
    if (seen.has(unit.code)) {
      issues.push(
        problem(
          'key.duplicate',
          `${path}/unit`,
          `Đơn vị ${unit.code} đã có ở dòng ${seen.get(unit.code)! + 1}: mỗi đơn vị chỉ ghi một lần.`,
          `Unit ${unit.code} is already listed at /units/${seen.get(unit.code)}.`,
        ),
      )
      continue
    }
    seen.set(unit.code, i)
    if (!(await holdsRoleOver(units, principal, [...ADMIN_ROLES], unit.id))) outsideCaller = true
    if (owner && !owner.includes(unit.id))
      issues.push(
        problem(
          'scope.unitOutside',
          `${path}/unit`,
          `${unit.name} không thuộc đơn vị quản lý thủ tục này: chỉ chọn đơn vị trực thuộc.`,
          `${unit.name} is outside the unit that owns this procedure.`,
        ),
      )
    else if (!levels.has(unit.level))
      issues.push(
        problem(
          'offering.levelMismatch',
          `${path}/unit`,
          `${unit.name} là đơn vị cấp ${unit.level}; thủ tục này thuộc cấp ${version.definition.level}: chọn đơn vị cấp ${version.definition.level}.`,
          `${unit.name} is a ${unit.level} unit; this is a ${version.definition.level} procedure.`,
        ),
      )
    if (change.offered && unit.effectiveTo && unit.effectiveTo < (change.from ?? vietnamDate(at)))
      issues.push(
        problem(
          'offering.unitEnded',
          `${path}/unit`,
          `${unit.name} đã chấm dứt hoạt động từ sau ngày ${unit.effectiveTo}: chọn đơn vị kế thừa.`,
          `${unit.name} ceased after ${unit.effectiveTo}: choose the unit that took over.`,
        ),
      )
    if (change.offered === null && (change.from != null || change.to != null))
      issues.push(
        problem(
          'offering.periodWithoutSetting',
          `${path}/from`,
          'Trả về theo định nghĩa thủ tục thì không ghi ngày: bỏ "from" và "to".',
          'Going back to the definition takes no dates: remove "from" and "to".',
        ),
      )
    if (change.from && change.to && change.to < change.from)
      issues.push(
        problem(
          'offering.toBeforeFrom',
          `${path}/to`,
          `Ngày kết thúc (${change.to}) phải từ ngày bắt đầu (${change.from}) trở đi.`,
          `The last day (${change.to}) must be on or after the first (${change.from}).`,
        ),
      )
    found.push({ unit, change })
  }
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Chưa thể lưu việc cung cấp thủ tục tại các đơn vị. Hãy sửa các lỗi được chỉ ra.',
        en: 'The offering could not be saved; correct the problems shown.',
      },
      issues,
    )
  if (outsideCaller)
    throw new DomainError('FORBIDDEN', {
      vi: 'Bạn chỉ được bật, tắt thủ tục cho các đơn vị mình quản trị.',
      en: 'You may turn procedures on or off only for the units you administer.',
    })

  await withTransaction(services.db, async (tx: Db) => {
    for (const { unit, change } of found) {
      const key = and(eq(procedureOfferings.procedureId, version.procedureId), eq(procedureOfferings.unitId, unit.id))
      const [row] = await tx.select().from(procedureOfferings).where(key).for('update')
      const before: OfferingSetting | null = row ? { offered: row.offered, from: row.from, to: row.to } : null
      const after: OfferingSetting | null =
        change.offered === null ? null : { offered: change.offered, from: change.from ?? null, to: change.to ?? null }
      if (JSON.stringify(before) === JSON.stringify(after)) continue
      if (!after) await tx.delete(procedureOfferings).where(key)
      else
        await tx
          .insert(procedureOfferings)
          .values({ procedureId: version.procedureId, unitId: unit.id, ...after, updatedBy: principal.userId })
          .onConflictDoUpdate({
            target: [procedureOfferings.procedureId, procedureOfferings.unitId],
            set: { ...after, updatedBy: principal.userId, updatedAt: new Date() },
          })
      await tx.insert(procedureOfferingChanges).values({
        procedureId: version.procedureId,
        unitId: unit.id,
        actorUserId: principal.userId,
        before,
        after,
        reason: reason ?? null,
      })
    }
    await tx.execute(sql`select pg_notify(${PUBLISHED_CHANNEL}, ${version.code})`)
  })
  services.registry.invalidate()
}

/**
 * The procedures in force on `at` that apply to one unit, as administrators switch them on and off there: those
 * its definition names, or of the unit's level without a list (within the procedure's owner unit), and those with
 * a setting for it; whether the unit takes new dossiers of each today, and why not. By name.
 * @example await unitOfferingView(services, unit, new Date())
 */
export async function unitOfferingView(services: OfferingServices, unit: UnitRow, at: Date) {
  const lineage = await services.units.lineage(unit.id)
  const today = vietnamDate(at)
  const procedures = []
  for (const version of await services.registry.listCurrent(at)) {
    const { definition: d, ownerUnitId } = version
    const setting = (await services.registry.offerings(version.procedureId)).get(unit.id)
    const byDefinition = d.units ? d.units.includes(unit.code) : d.level === unit.level
    if (!setting && !byDefinition) continue
    if (ownerUnitId !== null && !lineage.includes(ownerUnitId)) continue
    const verdict = await offeringAt(version, unit, services, at)
    procedures.push({
      code: version.code,
      name: d.name,
      field: d.field,
      version: version.version,
      offered: verdict.offered,
      by: verdict.offered ? verdict.by : setting && appliesOn(setting, today) ? 'setting' : 'definition',
      setting: setting ?? null,
      reason: verdict.offered ? null : { code: verdict.code, message: verdict.why ?? verdict.message },
    })
  }
  procedures.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  return { unit: { code: unit.code, name: unit.name, level: unit.level }, procedures }
}
