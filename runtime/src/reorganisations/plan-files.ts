import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, resolve, sep } from 'node:path'
import {
  DomainError,
  type Issue,
  type ProcedureDefinition,
  type ReorganisationPlan,
  validateDefinition,
  validatePlan,
} from '@motcua/core'

/** The repository's `reorganisations/` folder (REORGANISATIONS_DIR overrides it). */
export function defaultReorganisationsDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@motcua/runtime/package.json')), '..', 'reorganisations')
}

/** A plan with the procedure versions it publishes, read and checked. */
export interface LoadedPlan {
  plan: ReorganisationPlan
  /** The new versions by procedure code, their `effective.from` the plan's date. */
  versions: Map<string, ProcedureDefinition>
}

const invalidPlan = (issues: Issue[], vi = 'Kế hoạch sắp xếp có lỗi: sửa các mục được chỉ ra rồi thử lại.') =>
  new DomainError(
    'INVALID_DATA',
    { vi, en: 'The reorganisation plan has problems: correct them and try again.' },
    issues,
  )

/**
 * Checks a plan given as JSON (a file, or an upload in the studio) and reads the procedure versions it names,
 * relative to `dir` (the plans' folder), from the procedure library beside it (`<dir>/../procedures`) and nowhere else.
 * @throws DomainError INVALID_DATA with every problem at its JSON path
 */
export function loadPlan(input: unknown, dir: string, fileName?: string): LoadedPlan {
  const checked = validatePlan(input)
  if (!checked.ok) throw invalidPlan(checked.issues)
  const { plan } = checked
  const issues: Issue[] = []
  if (fileName && basename(fileName, '.json') !== plan.name)
    issues.push({
      code: 'plan.fileName',
      path: '/name',
      message: { vi: `Tên tệp phải là ${plan.name}.json.`, en: `The file must be named ${plan.name}.json.` },
    })
  const versions = new Map<string, ProcedureDefinition>()
  const library = resolve(dir, '..', 'procedures')
  for (const [i, entry] of (plan.procedures ?? []).entries()) {
    const path = `/procedures/${i}/definition`
    const problem = (vi: string, en: string) => issues.push({ code: 'plan.procedure', path, message: { vi, en } })
    const file = resolve(dir, entry.definition)
    if (!file.startsWith(`${library}${sep}`)) {
      problem(
        `Phiên bản thủ tục phải nằm trong thư viện thủ tục (../procedures/<thư mục>/<ngày>.json).`,
        'A procedure version must be in the procedure library (../procedures/<folder>/<date>.json).',
      )
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      problem(`Không đọc được tệp ${entry.definition}.`, `Cannot read ${entry.definition}.`)
      continue
    }
    const result = validateDefinition(json)
    if (!result.ok) {
      problem(
        `${entry.definition} không hợp lệ: ${result.issues[0]!.path} ${result.issues[0]!.message.vi}`,
        `${entry.definition} is not valid: ${result.issues[0]!.path} ${result.issues[0]!.message.en}`,
      )
      continue
    }
    if (result.definition.code !== entry.code)
      problem(
        `${entry.definition} là thủ tục ${result.definition.code}, không phải ${entry.code}.`,
        `${entry.definition} is ${result.definition.code}, not ${entry.code}.`,
      )
    else if (result.definition.effective.from !== plan.effectiveDate)
      problem(
        `Phiên bản mới phải có hiệu lực từ ngày của kế hoạch (${plan.effectiveDate}).`,
        `The new version must take effect on the plan's date (${plan.effectiveDate}).`,
      )
    else versions.set(entry.code, result.definition)
  }
  if (issues.length) throw invalidPlan(issues)
  return { plan, versions }
}

/** Reads and checks the plan file at `file`. */
export function loadPlanFile(file: string): LoadedPlan {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new DomainError('INVALID_DATA', {
      vi: `Không đọc được kế hoạch ${basename(file)}: ${(error as Error).message}`,
      en: `Cannot read the plan ${basename(file)}: ${(error as Error).message}`,
    })
  }
  return loadPlan(json, dirname(file), basename(file))
}

/** The plan files of a folder (`<date>-<name>.json`), oldest first. */
export function planFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.json$/.test(name))
      .sort()
      .map((name) => join(dir, name))
  } catch {
    return []
  }
}
