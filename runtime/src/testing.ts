import type { Database } from '@motcua/db'
import { type Services, createApp } from './app'
import { loadInstanceSecret } from './auth/instance-secret'
import { defaultProceduresDir } from './procedures/library'
import { createRegistry } from './procedures/registry'
import { seed } from './seed'

export const TEST_PASSWORD = 'mat-khau-thu'

export interface TestRuntime extends Services {
  app: ReturnType<typeof createApp>
  close(): Promise<void>
}

/**
 * A seeded runtime over a fresh test database (see `testDrivers`): units, calendar, the procedure library
 * and the demo accounts (password `TEST_PASSWORD`), driven with `app.request(…)`.
 */
export async function openTestRuntime(open: () => Promise<Database>, options: { demo?: boolean; library?: boolean } = {}): Promise<TestRuntime> {
  const database = await open()
  await seed(database.db, {
    ...(options.demo !== false ? { demoPassword: TEST_PASSWORD } : {}),
    ...(options.library !== false ? { proceduresDir: defaultProceduresDir() } : {}),
  })
  const registry = await createRegistry(database)
  const secret = await loadInstanceSecret(database.db, {})
  return {
    database,
    registry,
    secret,
    app: createApp({ database, registry, secret }),
    async close() {
      await registry.close()
      await database.close()
    },
  }
}
