import { createHash } from 'node:crypto'
import { type ProcedureDefinition, roles } from '@motcua/core'
import { type Db, procedures, roles as roleRows, seedRuns, withTransaction } from '@motcua/db'
import { readLibrary } from '../procedures/library'
import { publishVersion } from '../procedures/publish'
import { officialYearsStep, seedDefaultCalendar, syncOfficialYears } from './calendar'
import { seedDemoAccounts, seedUnitAdminAccounts } from './demo-accounts'
import { seedQuangNinhUnits, seedTaxOffice } from './units'

export interface SeedOptions {
  /** Demo accounts: on the embedded default, or when SEED_DEMO=1. */
  demoPassword?: string
  /** Imports this procedure library as version 1 of each procedure. */
  proceduresDir?: string
}

interface SeedStep {
  name: string
  run(db: Db): Promise<void>
}

// Installs seeded before sources were kept applied `calendar:statutory-2019-2035` (the default calendar with the
// law's holidays); `calendar:default` then finds the calendar there, and the official years step brings its days
// up to date.
const steps = (): SeedStep[] => [
  {
    name: 'roles',
    run: (db) =>
      db
        .insert(roleRows)
        .values(Object.entries(roles).map(([code, m]) => ({ code, nameVi: m.vi, nameEn: m.en })))
        .then(() => {}),
  },
  { name: 'calendar:default', run: seedDefaultCalendar },
  { name: 'units:quang-ninh-2019', run: seedQuangNinhUnits },
  { name: 'units:tax-office', run: seedTaxOffice },
  { name: officialYearsStep(), run: (db) => syncOfficialYears(db) },
]

// The units' administrators came a release after the others: a step of their own reaches installations seeded before.
const demoSteps = (password: string): SeedStep[] => [
  { name: 'demo-accounts', run: (db) => seedDemoAccounts(db, password) },
  { name: 'demo-accounts:unit-admins', run: (db) => seedUnitAdminAccounts(db, password) },
]

// in force from the first day of the definition's own period (midnight, Vietnam time), not from the import: a
// dossier dated within that period finds it, and a library procedure scheduled for later waits for its day
const importVersion = (db: Db, definition: ProcedureDefinition) =>
  publishVersion(db, { definition, effectiveFrom: new Date(`${definition.effective.from}T00:00:00+07:00`) })

const libraryStep = (dir: string): SeedStep => ({
  name: 'procedures:library',
  async run(db) {
    for (const definition of readLibrary(dir)) await importVersion(db, definition)
  },
})

/**
 * After an upgrade, the library's procedures this installation has never had (by code) are imported too, once per
 * set of codes; those it has are the administrators' to change, never overwritten by a restart.
 */
const newLibraryProceduresStep = (dir: string): SeedStep => {
  const library = readLibrary(dir)
  const codes = library.map((d) => d.code).sort()
  return {
    name: `procedures:library-new@${createHash('sha256').update(codes.join('\n')).digest('hex').slice(0, 12)}`,
    async run(db) {
      const known = new Set((await db.select({ code: procedures.code }).from(procedures)).map((p) => p.code))
      for (const definition of library) if (!known.has(definition.code)) await importVersion(db, definition)
    },
  }
}

/**
 * Applies the first-start data once. Each step and its marker commit together, so a restart (or a second
 * process starting at the same moment on PostgreSQL) skips what is done and never applies anything twice.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<string[]> {
  const applied: string[] = []
  const all = [
    ...steps(),
    ...(options.proceduresDir
      ? [libraryStep(options.proceduresDir), newLibraryProceduresStep(options.proceduresDir)]
      : []),
    ...(options.demoPassword ? demoSteps(options.demoPassword) : []),
  ]
  for (const step of all) {
    await withTransaction(db, async (tx) => {
      const claimed = await tx.insert(seedRuns).values({ name: step.name }).onConflictDoNothing().returning()
      if (claimed.length === 0) return
      await step.run(tx)
      applied.push(step.name)
    })
  }
  return applied
}
