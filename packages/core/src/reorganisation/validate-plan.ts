import type { ValidateFunction } from 'ajv'
import { createAjv } from '../ajv/index'
import { definitionIssues } from '../definition/definition-issues'
import { issue } from '../definition/issue'
import type { Issue } from '../errors'
import { isCalendarDay } from '../time/local-time'
import type { Change, ReorganisationPlan } from './plan.generated'
import planSchema from './plan-schema.json'

export type PlanValidation = { ok: true; plan: ReorganisationPlan } | { ok: false; issues: Issue[] }

let compiled: ValidateFunction | undefined
const schemaValidator = () => (compiled ??= createAjv({ discriminator: true, verbose: true }).compile(planSchema))

/** The schema of a reorganisation plan file (draft-07). */
export const reorganisationPlanSchema: Readonly<Record<string, unknown>> = planSchema

/** The codes of the units a change ends (left side: in force the day before the plan). */
export const endingCodes = (change: Change): string[] => ('units' in change ? change.units : [change.unit])

/** Where a change sends the ending unit's open dossiers, accounts and settings by default. */
export const primarySuccessor = (change: Change): string => {
  switch (change.kind) {
    case 'merge':
    case 'rename':
    case 'changeLevel':
      return change.into
    case 'split':
      return change.dossiersTo
    case 'abolish':
      return change.successor
  }
}

/** The units a change links the ending units to (right side: in force from the effective date). */
export const successorCodes = (change: Change): string[] =>
  change.kind === 'split' ? change.into : [primarySuccessor(change)]

/** The checks that need nothing but the plan: each ending unit once, targets that exist in it, cited sources. */
function planIssues(plan: ReorganisationPlan): Issue[] {
  const found: Issue[] = []
  const add = (code: string, path: string, vi: string, en: string) => found.push(issue(code, path, vi, en))
  if (!isCalendarDay(plan.effectiveDate))
    add(
      'plan.date',
      '/effectiveDate',
      'Ngày hiệu lực không phải một ngày có thật.',
      'The effective date is not a real day.',
    )
  if (!plan.name.startsWith(`${plan.effectiveDate}-`))
    add(
      'plan.name',
      '/name',
      `Tên kế hoạch phải bắt đầu bằng ngày hiệu lực (${plan.effectiveDate}-…), như tên tệp.`,
      `The plan's name must start with its effective date (${plan.effectiveDate}-…), as its file's does.`,
    )
  const cite = (ref: string, path: string) => {
    const key = ref.split('#')[0]!
    if (!plan.sources[key])
      add(
        'plan.source',
        path,
        `Nguồn “${key}” chưa có trong “sources”: thêm văn bản đó hoặc sửa tên nguồn.`,
        `Source “${key}” is not in “sources”: add the act or correct the key.`,
      )
  }
  const created = new Map<string, number>()
  const electronicIds = new Set<string>()
  for (const [i, unit] of (plan.create ?? []).entries()) {
    cite(unit.source, `/create/${i}/source`)
    if (created.has(unit.code))
      add(
        'plan.duplicateUnit',
        `/create/${i}/code`,
        `Mã ${unit.code} đã có ở một đơn vị khác trong “create”.`,
        `Code ${unit.code} is already used by another unit in “create”.`,
      )
    if (electronicIds.has(unit.electronicId))
      add(
        'plan.duplicateElectronicId',
        `/create/${i}/electronicId`,
        `Mã định danh ${unit.electronicId} đã có ở một đơn vị khác trong “create”.`,
        `Electronic id ${unit.electronicId} is already used by another unit in “create”.`,
      )
    created.set(unit.code, i)
    electronicIds.add(unit.electronicId)
  }
  const ending = new Map<string, number>()
  for (const [i, change] of plan.changes.entries()) {
    cite(change.source, `/changes/${i}/source`)
    for (const code of endingCodes(change)) {
      const earlier = ending.get(code)
      if (earlier !== undefined)
        add(
          'plan.unitTwice',
          `/changes/${i}`,
          `Đơn vị ${code} đã có trong thay đổi số ${earlier + 1}: mỗi đơn vị chấm dứt chỉ nằm trong một thay đổi.`,
          `Unit ${code} is already in change ${earlier + 1}: each ending unit belongs to one change.`,
        )
      ending.set(code, i)
    }
  }
  for (const [i, change] of plan.changes.entries()) {
    const succeeded = change.kind === 'rename' || change.kind === 'changeLevel'
    if (succeeded && !created.has(change.into))
      add(
        'plan.intoNotCreated',
        `/changes/${i}/into`,
        `${change.into} phải là một đơn vị trong “create”: đơn vị đổi tên hoặc đổi cấp được ghi là một đơn vị mới kế thừa đơn vị cũ.`,
        `${change.into} must be a unit in “create”: a renamed or moved unit is recorded as a new unit succeeding the old one.`,
      )
    if (change.kind === 'split' && !change.into.includes(change.dossiersTo))
      add(
        'plan.dossiersTo',
        `/changes/${i}/dossiersTo`,
        `${change.dossiersTo} phải là một trong các đơn vị ở “into”.`,
        `${change.dossiersTo} must be one of the units in “into”.`,
      )
    if (!succeeded)
      for (const code of successorCodes(change))
        if (!created.has(code) && ending.has(code))
          add(
            'plan.successorEnds',
            `/changes/${i}`,
            `${code} cũng chấm dứt theo kế hoạch này nên không thể nhận hồ sơ, tài khoản của đơn vị khác.`,
            `${code} ends under this plan too, so it cannot take over another unit's dossiers and accounts.`,
          )
  }
  for (const [i, unit] of (plan.create ?? []).entries())
    if (!created.has(unit.parent) && ending.has(unit.parent))
      add(
        'plan.parentEnds',
        `/create/${i}/parent`,
        `Đơn vị cấp trên ${unit.parent} chấm dứt theo kế hoạch này.`,
        `The parent unit ${unit.parent} ends under this plan.`,
      )
  for (const [i, version] of (plan.procedures ?? []).entries()) cite(version.source, `/procedures/${i}/source`)
  return found
}

/**
 * Checks a reorganisation plan by its schema, then by the rules that need only the plan itself (the runtime checks
 * it against the units in force when it previews or applies it).
 * @example validatePlan(JSON.parse(text)) // { ok: false, issues: [{ code: 'plan.unitTwice', path: '/changes/3', … }] }
 */
export function validatePlan(input: unknown): PlanValidation {
  const validate = schemaValidator()
  if (!validate(input)) return { ok: false, issues: definitionIssues(validate.errors) }
  const plan = input as ReorganisationPlan
  const issues = planIssues(plan)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan }
}
