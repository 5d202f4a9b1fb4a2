import { seedRuns, userRoles, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/passwords'
import { openTestRuntime, signIn, TEST_PASSWORD, type TestRuntime } from '../testing'
import { seed } from '.'
import { seedDemoAccounts } from './demo-accounts'

describe.each(testDrivers())(
  'the units’ demo administrators on an installation seeded before them, on $name',
  ({ open }) => {
    let runtime: TestRuntime
    beforeAll(async () => {
      // an installation whose demo accounts an earlier release seeded, and which has made a quantri.06649 of its own
      runtime = await openTestRuntime(open, { demo: false, library: false })
      const { db } = runtime.database
      await db.insert(seedRuns).values({ name: 'demo-accounts' })
      await seedDemoAccounts(db, TEST_PASSWORD)
      await db.insert(users).values({
        username: 'quantri.06649',
        fullName: 'Trần Văn Đông',
        passwordHash: await hashPassword('khac-han-123'),
      })
    })
    afterAll(() => runtime?.close())

    it('gets a quantri.<unit> administrator for every unit on its next start, once, leaving its own account alone', async () => {
      const { db } = runtime.database
      expect(await seed(db, { demoPassword: TEST_PASSWORD })).toEqual(['demo-accounts:unit-admins'])
      expect(await seed(db, { demoPassword: TEST_PASSWORD })).toEqual([])
      const admins = await db
        .select({ username: users.username, role: userRoles.role, isDemo: users.isDemo })
        .from(users)
        .leftJoin(userRoles, eq(userRoles.userId, users.id))
        .where(like(users.username, 'quantri.%'))
      expect(admins.length).toBeGreaterThan(200)
      expect(admins).toContainEqual({ username: 'quantri.stp', role: 'unit_admin', isDemo: true })
      expect(admins).toContainEqual({ username: 'quantri.06649', role: null, isDemo: false })
      const token = await signIn(runtime, 'quantri.193')
      const me = await runtime.app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })
      expect(await me.json()).toMatchObject({ user: { username: 'quantri.193' } })
    })
  },
)
