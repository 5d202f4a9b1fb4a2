import type { ReorganisationReport, UnitBrief } from '@motcua/core'
import {
  type Change,
  endingCodes,
  type Issue,
  type NewUnit,
  type ProcedureDefinition,
  primarySuccessor,
  successorCodes,
} from '@motcua/core'
import {
  calendars,
  consultations,
  type Db,
  dossiers,
  pluginSettings,
  procedureOfferings,
  procedures,
  procedureVersions,
  reorganisations,
  unitLevels,
  unitSettings,
  units,
  userRoles,
  users,
} from '@motcua/db'
import { and, count, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm'
import type { ProcedureRegistry, PublishedVersion } from '../procedures/registry'
import type { UnitRow } from '../units/unit-directory'
import type { LoadedPlan } from './plan-files'

/** The day before `day` (YYYY-MM-DD). */
const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

const inForce = (u: UnitRow, day: string) => u.effectiveFrom <= day && (!u.effectiveTo || day < u.effectiveTo)

/** An ending unit with its change and the unit (by code, in force from the date) taking over its open work. */
export interface Ending {
  unit: UnitRow
  change: Change
  takesOver: string
}

export interface DossierMove {
  id: string
  procedureVersionId: string
  version: number
  status: number
  currentStep: string | null
  unitId: string
  currentUnitId: string | null
  /** Target codes; null = stays. */
  unitTo: string | null
  currentTo: string | null
}

/**
 * Everything a plan will move, read from the database as it stands: the preview reports it, and apply, inside its
 * transaction, reads it again and moves exactly these rows, so the two give the same figures.
 */
export interface Survey {
  loaded: LoadedPlan
  report: ReorganisationReport
  ending: Map<string, Ending>
  created: NewUnit[]
  goesOn: Map<string, UnitRow>
  dossierMoves: DossierMove[]
  consultationMoves: { id: string; to: string }[]
  roleMoves: { id: string; userId: string; role: string; from: string; to: string; alreadyThere: boolean }[]
  pluginMoves: {
    unitId: string
    slug: string
    procedureCode: string
    enabled: boolean | null
    config: Record<string, unknown>
    to: string
  }[]
  unitSettingMoves: { unitId: string; fourEyes: boolean | null; to: string }[]
  offeringMoves: {
    procedureId: string
    unitId: string
    offered: boolean
    fromDay: string | null
    toDay: string | null
    to: string
  }[]
  calendarMoves: { code: string; to: string }[]
  ownerMoves: { id: string; code: string; to: string }[]
  /** The calendar each created unit takes. */
  calendarOf: Map<string, string>
}

const brief = (u: { code: string; name: string }): UnitBrief => ({ code: u.code, name: u.name })

/**
 * The procedure versions in force when a plan takes effect (or now, when it is applied after its date), read before
 * the survey's transaction: the registry reads outside it, which on PGlite's one connection would wait for it.
 */
export const versionsInForce = (
  registry: ProcedureRegistry,
  loaded: LoadedPlan,
  now: Date,
): Promise<PublishedVersion[]> =>
  registry.listCurrent(new Date(Math.max(now.getTime(), Date.parse(`${loaded.plan.effectiveDate}T12:00:00+07:00`))))

/**
 * Reads what `loaded` would do to the database `db`, given the procedure versions in force (`versionsInForce`).
 * @example const { report } = await surveyPlan(db, await versionsInForce(registry, loaded, now), loaded)
 */
export async function surveyPlan(db: Db, inForceVersions: PublishedVersion[], loaded: LoadedPlan): Promise<Survey> {
  const { plan } = loaded
  const date = plan.effectiveDate
  const before = dayBefore(date)
  const problems: Issue[] = []
  const warnings: Issue[] = []
  const problem = (code: string, path: string, vi: string, en: string) =>
    problems.push({ code, path, message: { vi, en } })

  const [taken] = await db
    .select({ status: reorganisations.status })
    .from(reorganisations)
    .where(eq(reorganisations.name, plan.name))
  if (taken?.status === 'applied')
    problem(
      'plan.applied',
      '/name',
      `Kế hoạch ${plan.name} đã được áp dụng.`,
      `Plan ${plan.name} has already been applied.`,
    )

  const all = await db.select().from(units)
  const levelNames = new Map(
    (await db.select({ code: unitLevels.code, nameVi: unitLevels.nameVi }).from(unitLevels)).map((l) => [
      l.code,
      l.nameVi,
    ]),
  )
  const levels = new Set(levelNames.keys())
  const calendarCodes = new Set((await db.select({ code: calendars.code }).from(calendars)).map((c) => c.code))
  const byCodeBefore = new Map(all.filter((u) => inForce(u, before)).map((u) => [u.code, u]))
  const ending = new Map<string, Ending>()
  for (const [i, change] of plan.changes.entries()) {
    for (const [j, code] of endingCodes(change).entries()) {
      const path = change.kind === 'merge' ? `/changes/${i}/units/${j}` : `/changes/${i}/unit`
      const unit = byCodeBefore.get(code)
      if (!unit)
        problem(
          'plan.unknownUnit',
          path,
          `Ngày ${before} không có đơn vị mã ${code}.`,
          `No unit with code ${code} is in force on ${before}.`,
        )
      else if (unit.effectiveTo)
        problem(
          'plan.unitEnds',
          path,
          `${unit.name} đã có ngày chấm dứt (${unit.effectiveTo}).`,
          `${unit.name} already ends on ${unit.effectiveTo}.`,
        )
      else ending.set(unit.id, { unit, change, takesOver: primarySuccessor(change) })
    }
  }
  const endingIds = [...ending.keys()]
  const goesOn = new Map(all.filter((u) => inForce(u, date) && !ending.has(u.id)).map((u) => [u.code, u]))
  const created = plan.create ?? []
  const createdByCode = new Map(created.map((u) => [u.code, u]))
  const target = (code: string): UnitBrief | undefined => {
    const unit = createdByCode.get(code) ?? goesOn.get(code)
    return unit && brief(unit)
  }
  const electronicIds = new Set([...goesOn.values()].map((u) => u.electronicId))
  for (const [i, unit] of created.entries()) {
    const at = (field: string) => `/create/${i}/${field}`
    if (goesOn.has(unit.code))
      problem(
        'plan.codeInUse',
        at('code'),
        `Mã ${unit.code} đang thuộc ${goesOn.get(unit.code)!.name}, đơn vị vẫn tiếp tục sau ngày ${date}.`,
        `Code ${unit.code} belongs to ${goesOn.get(unit.code)!.name}, which goes on after ${date}.`,
      )
    if (electronicIds.has(unit.electronicId))
      problem(
        'plan.electronicIdInUse',
        at('electronicId'),
        `Mã định danh ${unit.electronicId} đang được một đơn vị khác dùng.`,
        `Electronic id ${unit.electronicId} is in use by another unit.`,
      )
    if (!createdByCode.has(unit.parent) && !goesOn.has(unit.parent))
      problem(
        'plan.unknownParent',
        at('parent'),
        `Đơn vị cấp trên ${unit.parent} không có từ ngày ${date}.`,
        `The parent ${unit.parent} is not in force from ${date}.`,
      )
    if (!levels.has(unit.level))
      problem('plan.unknownLevel', at('level'), `Không có cấp “${unit.level}”.`, `No unit level “${unit.level}”.`)
    if (unit.calendar && !calendarCodes.has(unit.calendar))
      problem(
        'plan.unknownCalendar',
        at('calendar'),
        `Không có lịch làm việc “${unit.calendar}”.`,
        `No working calendar “${unit.calendar}”.`,
      )
  }
  for (const [i, change] of plan.changes.entries())
    for (const code of successorCodes(change))
      if (!target(code))
        problem(
          'plan.unknownSuccessor',
          `/changes/${i}`,
          `Đơn vị kế thừa ${code} không có trong “create” và cũng không phải đơn vị tiếp tục hoạt động từ ngày ${date}.`,
          `Successor ${code} is neither created by the plan nor a unit that goes on from ${date}.`,
        )
  for (const unit of all)
    if (unit.parentId && ending.has(unit.parentId) && !ending.has(unit.id) && inForce(unit, before)) {
      const parent = ending.get(unit.parentId)!
      problem(
        'plan.childLeft',
        `/changes/${plan.changes.indexOf(parent.change)}`,
        `${unit.name} (${unit.code}) thuộc ${parent.unit.name}, đơn vị chấm dứt: thêm ${unit.code} vào một thay đổi (sáp nhập, đổi cấp…).`,
        `${unit.name} (${unit.code}) is under ${parent.unit.name}, which ends: add ${unit.code} to a change.`,
      )
    }

  // the calendar of each created unit: the plan's, else that of the first unit that goes into it
  const calendarOf = new Map<string, string>()
  for (const unit of created) if (unit.calendar) calendarOf.set(unit.code, unit.calendar)
  for (const { unit, change } of ending.values())
    for (const code of successorCodes(change))
      if (createdByCode.has(code) && !calendarOf.has(code)) calendarOf.set(code, unit.calendarCode)
  for (const unit of created) if (!calendarOf.has(unit.code)) calendarOf.set(unit.code, 'default')

  const takesOver = (unitId: string) => ending.get(unitId)!.takesOver
  const fromBrief = (unitId: string) => brief(ending.get(unitId)!.unit)

  // open dossiers: a split sends one filed with a unit bearing one of its parts' codes back there
  const open = await db
    .select({
      id: dossiers.id,
      version: dossiers.version,
      status: dossiers.status,
      currentStep: dossiers.currentStep,
      unitId: dossiers.unitId,
      currentUnitId: dossiers.currentUnitId,
      procedureVersionId: dossiers.procedureVersionId,
      filedCode: units.code,
    })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.filedUnitId))
    .where(
      and(
        isNotNull(dossiers.currentStep),
        or(inArray(dossiers.unitId, endingIds), inArray(dossiers.currentUnitId, endingIds)),
      ),
    )
  const successorFor = (unitId: string, filedCode: string) => {
    const { change, takesOver: to } = ending.get(unitId)!
    return change.kind === 'split' && change.into.includes(filedCode) ? filedCode : to
  }
  const dossierMoves: DossierMove[] = open.map((d) => ({
    ...d,
    unitTo: ending.has(d.unitId) ? successorFor(d.unitId, d.filedCode) : null,
    currentTo: d.currentUnitId && ending.has(d.currentUnitId) ? successorFor(d.currentUnitId, d.filedCode) : null,
  }))
  const moveCounts = new Map<string, { from: UnitBrief; to: UnitBrief; open: number }>()
  for (const move of dossierMoves) {
    const [fromId, to] = move.currentTo ? [move.currentUnitId!, move.currentTo] : [move.unitId, move.unitTo!]
    const key = `${fromId}>${to}`
    const entry = moveCounts.get(key) ?? { from: fromBrief(fromId), to: target(to) ?? { code: to, name: to }, open: 0 }
    entry.open++
    moveCounts.set(key, entry)
  }
  const [closed] = await db
    .select({ n: count() })
    .from(dossiers)
    .where(and(isNull(dossiers.currentStep), inArray(dossiers.filedUnitId, endingIds)))

  const consultationMoves = (
    await db
      .select({ id: consultations.id, unitId: consultations.unitId })
      .from(consultations)
      .where(
        and(inArray(consultations.unitId, endingIds), isNull(consultations.answeredAt), isNull(consultations.closedAt)),
      )
  ).map((c) => ({ id: c.id, to: takesOver(c.unitId) }))

  // accounts: each role moves to the unit taking over; a role the user already holds there is merged
  const roles = await db
    .select({
      id: userRoles.id,
      userId: userRoles.userId,
      role: userRoles.role,
      unitId: userRoles.unitId,
      username: users.username,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(inArray(userRoles.unitId, endingIds))
    .orderBy(users.username, userRoles.role)
  const goesOnIds = new Map([...goesOn.values()].map((u) => [u.id, u.code]))
  const heldThere = new Set(
    (
      await db
        .select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId })
        .from(userRoles)
        .where(inArray(userRoles.userId, [...new Set(roles.map((r) => r.userId))]))
    )
      .filter((r) => r.unitId && goesOnIds.has(r.unitId))
      .map((r) => `${r.userId}/${r.role}/${goesOnIds.get(r.unitId!)}`),
  )
  const roleMoves = roles.map((r) => {
    const to = takesOver(r.unitId!)
    const key = `${r.userId}/${r.role}/${to}`
    const alreadyThere = heldThere.has(key)
    heldThere.add(key)
    return { id: r.id, userId: r.userId, role: r.role, to, alreadyThere, username: r.username, from: r.unitId! }
  })

  // settings: a unit that goes on keeps its own; a created one takes the first merged unit's (or `settingsFrom`'s)
  const settingOrder = (unitId: string) => {
    const { change, unit } = ending.get(unitId)!
    const first = change.kind === 'merge' && change.settingsFrom === unit.code ? 0 : 1
    return first * 1e6 + plan.changes.indexOf(change) * 1e3 + endingCodes(change).indexOf(unit.code)
  }
  const byOrder = <T extends { unitId: string }>(rows: T[]) =>
    rows.sort((a, b) => settingOrder(a.unitId) - settingOrder(b.unitId))
  const settings: ReorganisationReport['settings'] = []
  const claim = <T extends { unitId: string }>(
    kind: 'plugin' | 'unit' | 'offering',
    rows: T[],
    keyOf: (row: T) => string,
    ownKeys: Set<string>,
  ): (T & { to: string })[] => {
    const moved: (T & { to: string })[] = []
    for (const row of byOrder(rows)) {
      const to = takesOver(row.unitId)
      const key = `${to}/${keyOf(row)}`
      const conflict = ownKeys.has(key)
      ownKeys.add(key)
      settings.push({ kind, key: keyOf(row), from: fromBrief(row.unitId), to: target(to)!, conflict })
      if (!conflict) moved.push({ ...row, to })
    }
    return moved
  }
  const codeOfId = (id: string) => goesOnIds.get(id)
  const own = async <T extends { unitId: string }>(rows: Promise<T[]>, keyOf: (row: T) => string) =>
    new Set((await rows).filter((r) => codeOfId(r.unitId)).map((r) => `${codeOfId(r.unitId)}/${keyOf(r)}`))
  const pluginRows = await db
    .select({
      unitId: pluginSettings.unitId,
      slug: pluginSettings.pluginSlug,
      procedureCode: pluginSettings.procedureCode,
      enabled: pluginSettings.enabled,
      config: pluginSettings.config,
    })
    .from(pluginSettings)
    .where(inArray(pluginSettings.unitId, endingIds))
  // a setting for one procedure is keyed "slug (procedure code)"
  const pluginKey = (r: { slug: string; procedureCode: string }) =>
    r.procedureCode ? `${r.slug} (${r.procedureCode})` : r.slug
  const pluginMoves = claim(
    'plugin',
    pluginRows,
    pluginKey,
    await own(
      db
        .select({
          unitId: pluginSettings.unitId,
          slug: pluginSettings.pluginSlug,
          procedureCode: pluginSettings.procedureCode,
        })
        .from(pluginSettings),
      pluginKey,
    ),
  )
  const unitSettingRows = await db
    .select({ unitId: unitSettings.unitId, fourEyes: unitSettings.fourEyes })
    .from(unitSettings)
    .where(and(inArray(unitSettings.unitId, endingIds), isNotNull(unitSettings.fourEyes)))
  const unitSettingMoves = claim(
    'unit',
    unitSettingRows,
    () => 'fourEyes',
    await own(
      db.select({ unitId: unitSettings.unitId }).from(unitSettings).where(isNotNull(unitSettings.fourEyes)),
      () => 'fourEyes',
    ),
  )
  const offeringRows = await db
    .select({
      procedureId: procedureOfferings.procedureId,
      code: procedures.code,
      unitId: procedureOfferings.unitId,
      offered: procedureOfferings.offered,
      fromDay: procedureOfferings.from,
      toDay: procedureOfferings.to,
    })
    .from(procedureOfferings)
    .innerJoin(procedures, eq(procedures.id, procedureOfferings.procedureId))
    .where(inArray(procedureOfferings.unitId, endingIds))
  const offeringMoves = claim(
    'offering',
    offeringRows,
    (r) => r.code,
    await own(
      db
        .select({ unitId: procedureOfferings.unitId, code: procedures.code })
        .from(procedureOfferings)
        .innerJoin(procedures, eq(procedures.id, procedureOfferings.procedureId)),
      (r) => r.code,
    ),
  )

  const calendarMoves = (
    await db
      .select({ code: calendars.code, owner: calendars.ownerUnitId })
      .from(calendars)
      .where(inArray(calendars.ownerUnitId, endingIds))
  ).map((c) => ({ code: c.code, to: takesOver(c.owner!), from: c.owner! }))
  const ownerMoves = (
    await db
      .select({ id: procedures.id, code: procedures.code, owner: procedures.ownerUnitId })
      .from(procedures)
      .where(inArray(procedures.ownerUnitId, endingIds))
  ).map((p) => ({ id: p.id, code: p.code, to: takesOver(p.owner!), from: p.owner! }))

  // procedures: the plan's new versions, and those in force that no unit will offer after it
  const replaced = [...loaded.versions.entries()].map(([code, def]) => ({
    code,
    name: def.name,
    reason: plan.procedures!.find((p) => p.code === code)!.reason,
    level: def.level,
    units: def.units ?? null,
  }))
  const levelsAfter = new Set([...goesOn.values(), ...created].map((u) => u.level))
  const endingCodesSet = new Set([...ending.values()].map((e) => e.unit.code))
  const orphaned: ReorganisationReport['procedures']['orphaned'] = []
  for (const version of inForceVersions) {
    const def: ProcedureDefinition = version.definition
    if (loaded.versions.has(def.code)) continue
    const named = def.units ?? null
    if (named ? named.every((code) => endingCodesSet.has(code) && !target(code)) : !levelsAfter.has(def.level))
      orphaned.push({ code: def.code, name: def.name, level: def.level, units: named })
    else if (named?.some((code) => endingCodesSet.has(code)))
      warnings.push({
        code: 'procedure.unitEnds',
        path: `/procedures/${def.code}`,
        message: {
          vi: `${def.name} nêu đơn vị ${named.filter((c) => endingCodesSet.has(c)).join(', ')} sẽ chấm dứt: hồ sơ mới đến đơn vị kế thừa; nên cập nhật thủ tục.`,
          en: `${def.name} names ${named.filter((c) => endingCodesSet.has(c)).join(', ')}, which end: new dossiers go to the successor; update the procedure.`,
        },
      })
  }
  // open dossiers whose version hands a step to the unit of a level above theirs that no longer exists
  const versionCounts = new Map<string, number>()
  for (const d of dossierMoves)
    versionCounts.set(d.procedureVersionId, (versionCounts.get(d.procedureVersionId) ?? 0) + 1)
  const pinned = await db
    .select({
      id: procedureVersions.id,
      version: procedureVersions.version,
      definition: procedureVersions.definition,
    })
    .from(procedureVersions)
    .where(inArray(procedureVersions.id, [...versionCounts.keys()]))
  for (const { id, version, definition } of pinned) {
    const gone = [...JSON.stringify(definition).matchAll(/"up":"([a-z_]+)"/g)]
      .map((m) => m[1]!)
      .filter((level, i, all) => !levelsAfter.has(level) && all.indexOf(level) === i)
    const named = gone.map((level) => (levelNames.get(level) ?? level).toLocaleLowerCase('vi'))
    if (gone.length)
      warnings.push({
        code: 'dossier.levelGone',
        path: `/procedures/${definition.code}`,
        message: {
          vi: `${versionCounts.get(id)} hồ sơ đang giải quyết của “${definition.name}” (phiên bản ${version}) có bước giao đơn vị ${named.join(', ')} phía trên, cấp không còn sau sắp xếp: hồ sơ sẽ dừng ở bước đó. Hãy giải quyết xong trước ngày hiệu lực.`,
          en: `${versionCounts.get(id)} open dossiers of “${definition.name}” (version ${version}) have a step for the unit of level ${gone.join(', ')} above them, a level gone after the plan: they will stop there. Finish them before the date.`,
        },
      })
  }
  for (const p of orphaned)
    warnings.push({
      code: 'procedure.orphaned',
      path: `/procedures/${p.code}`,
      message: {
        vi: `${p.name}: sau sắp xếp không còn đơn vị nào thực hiện (cấp ${p.level}) và kế hoạch không có phiên bản thay thế.`,
        en: `${p.name}: no unit will offer it after the plan (level ${p.level}) and the plan has no replacement.`,
      },
    })

  const report: ReorganisationReport = {
    plan: { name: plan.name, title: plan.title, effectiveDate: date },
    status: 'preview',
    problems,
    warnings,
    units: {
      ending: [...ending.values()].map(({ unit, change, takesOver: to }) => ({
        unit: brief(unit),
        kind: change.kind,
        successors: successorCodes(change).map((code) => target(code) ?? { code, name: code }),
        takesOver: target(to) ?? { code: to, name: to },
      })),
      created: created.map((u) => ({
        unit: brief(u),
        type: u.type,
        level: u.level,
        parent: target(u.parent) ?? { code: u.parent, name: u.parent },
      })),
    },
    dossiers: { moves: [...moveCounts.values()], open: dossierMoves.length, closedKept: closed?.n ?? 0 },
    consultations: consultationMoves.length,
    accounts: roleMoves.map((r) => ({
      username: r.username,
      role: r.role,
      from: fromBrief(r.from),
      to: target(r.to)!,
      alreadyThere: r.alreadyThere,
    })),
    settings,
    calendars: calendarMoves.map((c) => ({ calendar: c.code, from: fromBrief(c.from), to: target(c.to)! })),
    procedures: {
      replaced,
      owned: ownerMoves.map((p) => ({ code: p.code, from: fromBrief(p.from), to: target(p.to)! })),
      orphaned,
    },
  }
  return {
    loaded,
    report,
    ending,
    created,
    goesOn,
    dossierMoves,
    consultationMoves,
    roleMoves,
    pluginMoves,
    unitSettingMoves,
    offeringMoves,
    calendarMoves,
    ownerMoves,
    calendarOf,
  }
}
