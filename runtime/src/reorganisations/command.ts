import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DomainError, type Issue, type ReorganisationReport, vietnameseDay } from '@motcua/core'
import { openDatabase, reorganisations } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { composeRuntime } from '../compose'
import { configFromEnv } from '../config'
import { applyPlan, previewPlan } from './apply'
import { defaultReorganisationsDir, loadPlanFile, planFiles } from './plan-files'

/** What the command line gives a command: its output lines and language. */
export interface CommandIo {
  out(line: string): void
  err(line: string): void
  lang: 'vi' | 'en'
}

const reorganiseHelp = `Usage: motcua reorganise <list|preview|apply> [plan.json…] [--json] [--lang vi|en]

Reorganisations of the administrative units, on the database of DATABASE_URL (PostgreSQL) or DATA_DIR (the
embedded default, as npm start uses it: stop the server first, PGlite opens a data folder from one process).
The database is migrated and seeded first, as npm start does.

  list                   the plans in reorganisations/ and whether this installation has applied them
  preview <plan.json>    what the plan would move now; nothing is changed
  apply <plan.json>…     applies each plan in date order in one transaction (or schedules it when its date is
                         to come: the running server applies it at midnight); plans already applied are skipped

Options:
  --json          print the reports as JSON
  --lang vi|en    language of the messages (default vi)

Exit codes: 0 done, 1 a plan has problems (nothing of it changed), 2 bad usage or input.

Example (a fresh installation to today's structure):
  npx motcua reorganise apply reorganisations/*.json`

/** The report in lines a person reads: what ends, what begins, what moves. */
function reportLines(r: ReorganisationReport, lang: 'vi' | 'en'): string[] {
  const vi = lang === 'vi'
  const head = `${r.plan.name}: ${r.plan.title} (${vi ? 'hiệu lực' : 'effective'} ${vietnameseDay(r.plan.effectiveDate)})`
  const state = {
    preview: vi ? 'xem trước, chưa thay đổi gì' : 'preview, nothing changed',
    applied: vi ? 'đã áp dụng' : 'applied',
    scheduled: vi
      ? `đã lên lịch, tự áp dụng ngày ${vietnameseDay(r.plan.effectiveDate)}`
      : `scheduled for ${r.plan.effectiveDate}`,
  }[r.status]
  const conflicts = r.settings.filter((s) => s.conflict).length
  const lines = [
    `${head}: ${state}`,
    vi
      ? `  ${r.units.ending.length} đơn vị chấm dứt, ${r.units.created.length} đơn vị mới`
      : `  ${r.units.ending.length} units end, ${r.units.created.length} begin`,
    vi
      ? `  ${r.dossiers.open} hồ sơ đang giải quyết chuyển đơn vị; ${r.dossiers.closedKept} hồ sơ đã kết thúc giữ đơn vị cũ`
      : `  ${r.dossiers.open} open dossiers move; ${r.dossiers.closedKept} ended dossiers keep their unit`,
    vi
      ? `  ${r.accounts.length} quyền tài khoản, ${r.settings.length} thiết lập (${conflicts} xung đột), ${r.consultations} yêu cầu xin ý kiến chuyển theo`
      : `  ${r.accounts.length} account roles, ${r.settings.length} settings (${conflicts} in conflict), ${r.consultations} opinion requests move`,
    vi
      ? `  ${r.procedures.replaced.length} thủ tục có phiên bản mới, ${r.procedures.orphaned.length} thủ tục không còn đơn vị thực hiện`
      : `  ${r.procedures.replaced.length} procedures get a new version, ${r.procedures.orphaned.length} are left without a unit`,
  ]
  for (const m of r.dossiers.moves) lines.push(`    ${m.from.name} → ${m.to.name}: ${m.open}`)
  const issue = (mark: string) => (i: Issue) => `  ${mark} ${i.path}: ${i.message[lang]} (${i.code})`
  return [...lines, ...r.warnings.map(issue('!')), ...r.problems.map(issue('✗'))]
}

/** `motcua reorganise`: list, preview or apply reorganisation plans on the configured database. */
export async function reorganiseCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const [action, ...files] = positionals
  if (values.help || !action) {
    ;(values.help ? io.out : io.err)(reorganiseHelp)
    return values.help ? 0 : 2
  }
  const { lang } = io
  if (!['list', 'preview', 'apply'].includes(action) || (action !== 'list' && files.length === 0)) {
    io.err(reorganiseHelp)
    return 2
  }
  const plans = files.map((file) => loadPlanFile(resolve(file))).sort((a, b) => a.plan.name.localeCompare(b.plan.name))
  const config = configFromEnv(process.env)
  const database = await openDatabase(config.database)
  try {
    await database.migrate()
    const runtime = await composeRuntime(database, { ...config, plugins: [] })
    try {
      const services = { ...runtime.services }
      if (action === 'list') {
        for (const file of planFiles(config.reorganisationsDir ?? defaultReorganisationsDir())) {
          const { plan } = loadPlanFile(file)
          const [row] = await database.db.select().from(reorganisations).where(eq(reorganisations.name, plan.name))
          const status = row?.status ?? (lang === 'vi' ? 'chưa áp dụng' : 'not applied')
          io.out(`${plan.name}  ${status}  ${plan.title}`)
        }
        return 0
      }
      const reports: ReorganisationReport[] = []
      for (const loaded of plans) {
        const [row] = await database.db.select().from(reorganisations).where(eq(reorganisations.name, loaded.plan.name))
        if (action === 'apply' && row?.status === 'applied') {
          io.out(`${loaded.plan.name}: ${lang === 'vi' ? 'đã áp dụng trước đây, bỏ qua' : 'applied before, skipped'}`)
          continue
        }
        const report =
          action === 'preview'
            ? await previewPlan(services, loaded)
            : await applyPlan(services, loaded, { actorUserId: null })
        reports.push(report)
        if (!values.json) for (const line of reportLines(report, lang)) io.out(line)
      }
      if (values.json) io.out(JSON.stringify(reports, null, 2))
      return reports.some((r) => r.problems.length) ? 1 : 0
    } catch (error) {
      if (!DomainError.is(error) || error.code !== 'CONFLICT') throw error
      io.err(error.userMessage[lang])
      for (const i of error.issues) io.err(`  ✗ ${i.path}: ${i.message[lang]} (${i.code})`)
      return 1
    } finally {
      await runtime.close()
    }
  } finally {
    await database.close()
  }
}
