import {
  checkFeeBounds,
  constantValues,
  DomainError,
  editingMark,
  type NamedConstant,
  type ProcedureDefinition,
} from '@motcua/core'
import { type Db, procedureConstantChanges, procedureConstants, withTransaction } from '@motcua/db'
import { and, eq } from 'drizzle-orm'
import type { PublishedVersion } from './registry'

// Named constants (FORMAT.md, "Named constants"): a definition declares `const.<key>` with its value; an
// administrator may set another value, with the decision it rests on, for every dossier filed from then on.

/** A constant as the API shows it: the definition's, and the value in force with where it comes from. */
export interface ConstantView {
  key: string
  name: string
  value: number
  /** The decision the value in force rests on: the administrator's source, or the definition's note. */
  source: string | null
  /** The definition's own value, when an administrator set another. */
  definitionValue?: number
  updatedAt?: Date
}

/** The values administrators set for a procedure's constants, by key. */
export async function constantOverrides(
  db: Db,
  code: string,
): Promise<Map<string, { value: number; source: string; updatedAt: Date }>> {
  const rows = await db.select().from(procedureConstants).where(eq(procedureConstants.procedureCode, code))
  return new Map(rows.map((r) => [r.key, { value: r.value, source: r.source, updatedAt: r.updatedAt }]))
}

/** The constants' values a new dossier of this version is filed with (none when it declares none). */
export async function constantsForFiling(
  db: Db,
  definition: ProcedureDefinition,
): Promise<Record<string, number> | null> {
  if (!definition.constants || Object.keys(definition.constants).length === 0) return null
  const overrides = await constantOverrides(db, definition.code)
  return constantValues(definition, Object.fromEntries([...overrides].map(([key, o]) => [key, o.value])))
}

/** Every constant of a version with the value in force. */
export async function constantViews(db: Db, definition: ProcedureDefinition): Promise<ConstantView[]> {
  const declared = Object.entries(definition.constants ?? {}).filter((e): e is [string, NamedConstant] => !!e[1])
  if (declared.length === 0) return []
  const overrides = await constantOverrides(db, definition.code)
  return declared.map(([key, constant]) => {
    const set = overrides.get(key)
    return set
      ? {
          key,
          name: constant.name,
          value: set.value,
          source: set.source,
          definitionValue: constant.value,
          updatedAt: set.updatedAt,
        }
      : { key, name: constant.name, value: constant.value, source: constant.note ?? null }
  })
}

/** The definition with the values in force, for those who compute fees from it (the citizen's form). */
export async function withConstantsInForce(db: Db, definition: ProcedureDefinition): Promise<ProcedureDefinition> {
  const views = await constantViews(db, definition)
  if (!views.some((v) => v.definitionValue !== undefined)) return definition
  const constants = Object.fromEntries(
    views.map((v) => [
      v.key,
      { ...definition.constants![v.key]!, value: v.value, ...(v.source ? { note: v.source } : {}) },
    ]),
  )
  return { ...definition, constants }
}

const invalid = (vi: string, en: string, code: string, path: string, params?: Record<string, unknown>) =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code, path, message: { vi, en }, ...(params ? { params } : {}) }])

/**
 * Sets a constant's value for new dossiers, with its source, and records the change. `versions` are those that may
 * still take dossiers, newest first. Refused when none of them declares the key, when the source carries an editing mark, or when the value would let a
 * fee rule of such a version go below 0 (`fee.mayBeNegative`, checked as the validator does).
 */
export async function setConstant(
  db: Db,
  input: { versions: PublishedVersion[]; key: string; value: number; source: string; actorUserId: string },
): Promise<ConstantView> {
  const { versions, key, value, source } = input
  const declaring = versions.filter((v) => v.definition.constants?.[key])
  const newest = versions[0]!
  if (declaring.length === 0) {
    const known = Object.keys(newest.definition.constants ?? {})
    throw new DomainError('NOT_FOUND', {
      vi: `Thủ tục ${newest.code} không có hằng số "${key}".${known.length ? ` Các hằng số: ${known.join(', ')}.` : ''}`,
      en: `Procedure ${newest.code} has no constant "${key}".`,
    })
  }
  const mark = editingMark(source)
  if (mark !== undefined)
    throw invalid(
      `Người dân sẽ thấy dấu biên tập "${mark}" trong căn cứ của mức thu: hãy ghi số và ngày của văn bản đã ban hành.`,
      `Citizens would see the editing mark "${mark}" in the source: cite the decision as issued.`,
      'text.editingMark',
      '/source',
      { mark },
    )
  for (const version of declaring) {
    const problems = checkFeeBounds(version.definition, undefined, { [key]: value })
    if (problems.length > 0)
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: `Với giá trị ${value}, phí của thủ tục có thể tính ra số âm (phiên bản ${version.version}). Hãy kiểm tra lại giá trị, hoặc sửa quy tắc tính phí trong một phiên bản mới.`,
          en: `With ${value}, a fee of version ${version.version} may go below 0.`,
        },
        problems.map((p) => ({ ...p, path: '/value', params: { ...p.params, feePath: p.path } })),
      )
  }
  const code = newest.code
  return withTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ value: procedureConstants.value })
      .from(procedureConstants)
      .where(and(eq(procedureConstants.procedureCode, code), eq(procedureConstants.key, key)))
      .for('update')
    const now = new Date()
    await tx
      .insert(procedureConstants)
      .values({ procedureCode: code, key, value, source, updatedAt: now, updatedBy: input.actorUserId })
      .onConflictDoUpdate({
        target: [procedureConstants.procedureCode, procedureConstants.key],
        set: { value, source, updatedAt: now, updatedBy: input.actorUserId },
      })
    await tx.insert(procedureConstantChanges).values({
      procedureCode: code,
      key,
      at: now,
      actorUserId: input.actorUserId,
      oldValue: before?.value ?? null,
      newValue: value,
      source,
    })
    const constant = newest.definition.constants?.[key] ?? declaring[0]!.definition.constants![key]!
    return { key, name: constant.name, value, source, definitionValue: constant.value, updatedAt: now }
  })
}

/** Goes back to the definition's own value for new dossiers, and records the change. */
export async function clearConstant(
  db: Db,
  input: { code: string; key: string; actorUserId: string },
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const [removed] = await tx
      .delete(procedureConstants)
      .where(and(eq(procedureConstants.procedureCode, input.code), eq(procedureConstants.key, input.key)))
      .returning({ value: procedureConstants.value })
    if (!removed) return false
    await tx.insert(procedureConstantChanges).values({
      procedureCode: input.code,
      key: input.key,
      actorUserId: input.actorUserId,
      oldValue: removed.value,
      newValue: null,
      source: null,
    })
    return true
  })
}
