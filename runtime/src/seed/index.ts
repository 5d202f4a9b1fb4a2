import { roles } from '@motcua/core'
import { type Db, roles as roleRows, seedRuns, withTransaction } from '@motcua/db'
import { readLibrary } from '../procedures/library'
import { publishVersion } from '../procedures/publish'
import { officialYearsStep, seedDefaultCalendar, syncOfficialYears } from './calendar'
import { seedDemoAccounts } from './demo-accounts'
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

const demoStep = (password: string): SeedStep => ({
  name: 'demo-accounts',
  run: (db) => seedDemoAccounts(db, password),
})

const libraryStep = (dir: string): SeedStep => ({
  name: 'procedures:library',
  async run(db) {
    // in force from the first day of the definition's own period (midnight, Vietnam time), not from the import:
    // a dossier dated within that period finds it, and a library procedure scheduled for later waits for its day
    for (const definition of readLibrary(dir))
      await publishVersion(db, { definition, effectiveFrom: new Date(`${definition.effective.from}T00:00:00+07:00`) })
  },
})

/**
 * Applies the first-start data once. Each step and its marker commit together, so a restart (or a second
 * process starting at the same moment on PostgreSQL) skips what is done and never applies anything twice.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<string[]> {
  const applied: string[] = []
  const all = [
    ...steps(),
    ...(options.proceduresDir ? [libraryStep(options.proceduresDir)] : []),
    ...(options.demoPassword ? [demoStep(options.demoPassword)] : []),
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
