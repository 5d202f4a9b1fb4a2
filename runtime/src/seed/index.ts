import { roles, statutoryCalendar } from '@motcua/core'
import { calendarDays, calendars, type Db, roles as roleRows, seedRuns, withTransaction } from '@motcua/db'
import { readLibrary } from '../procedures/library'
import { publishVersion } from '../procedures/publish'
import { seedDemoAccounts } from './demo-accounts'
import { seedQuangNinhUnits } from './units'

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

const steps: SeedStep[] = [
  {
    name: 'roles',
    run: (db) =>
      db
        .insert(roleRows)
        .values(Object.entries(roles).map(([code, m]) => ({ code, nameVi: m.vi, nameEn: m.en })))
        .then(() => {}),
  },
  { name: 'calendar:statutory-2019-2035', run: seedStatutoryCalendar },
  { name: 'units:quang-ninh-2019', run: seedQuangNinhUnits },
]

/**
 * The default calendar: office hours 07:00–11:30 and 13:30–17:00 Monday to Friday, and the statutory holidays
 * 2019–2035 computed by core (lunar ones included). The Prime Minister's yearly schedule (swapped days,
 * make-up days) is data an administrator edits on top.
 */
async function seedStatutoryCalendar(db: Db): Promise<void> {
  const calendar = statutoryCalendar(2019, 2035)
  await db
    .insert(calendars)
    .values({ code: 'default', name: 'Lịch làm việc tỉnh Quảng Ninh', officeHours: calendar.officeHours })
  await db
    .insert(calendarDays)
    .values([
      ...calendar.holidays.map((d) => ({ calendarCode: 'default', kind: 'holiday' as const, ...d })),
      ...calendar.makeUpDays.map((d) => ({ calendarCode: 'default', kind: 'makeUp' as const, ...d })),
    ])
}

const demoStep = (password: string): SeedStep => ({
  name: 'demo-accounts',
  run: (db) => seedDemoAccounts(db, password),
})

const libraryStep = (dir: string): SeedStep => ({
  name: 'procedures:library',
  async run(db) {
    for (const definition of readLibrary(dir)) await publishVersion(db, { definition })
  },
})

/**
 * Applies the first-start data once. Each step and its marker commit together, so a restart (or a second
 * process starting at the same moment on PostgreSQL) skips what is done and never applies anything twice.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<string[]> {
  const applied: string[] = []
  const all = [
    ...steps,
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
