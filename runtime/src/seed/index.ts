import { type Db, calendars, roles as roleRows, seedRuns } from '@motcua/db'
import { roles } from '@motcua/core'
import { seedQuangNinhUnits } from './units'

interface SeedStep {
  name: string
  run(db: Db): Promise<void>
}

const defaultOfficeHours = [
  [],
  ...Array.from({ length: 5 }, () => [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ]),
  [],
]

const steps: SeedStep[] = [
  {
    name: 'roles',
    run: (db) => db.insert(roleRows).values(Object.entries(roles).map(([code, m]) => ({ code, nameVi: m.vi, nameEn: m.en }))).then(() => {}),
  },
  {
    name: 'calendar:default',
    run: (db) => db.insert(calendars).values({ code: 'default', name: 'Lịch làm việc tỉnh Quảng Ninh', officeHours: defaultOfficeHours }).then(() => {}),
  },
  { name: 'units:quang-ninh-2019', run: seedQuangNinhUnits },
]

/**
 * Applies the first-start data once. Each step and its marker commit together, so a restart (or a second
 * process starting at the same moment on PostgreSQL) skips what is done and never applies anything twice.
 */
export async function seed(db: Db): Promise<string[]> {
  const applied: string[] = []
  for (const step of steps) {
    await db.transaction(async (tx) => {
      const claimed = await tx.insert(seedRuns).values({ name: step.name }).onConflictDoNothing().returning()
      if (claimed.length === 0) return
      await step.run(tx as unknown as Db)
      applied.push(step.name)
    })
  }
  return applied
}
