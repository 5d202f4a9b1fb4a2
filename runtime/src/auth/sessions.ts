import { type Db, preparedOnce, sessions } from '@motcua/db'
import { and, eq, gt, sql } from 'drizzle-orm'
import { newSecret, sha256 } from './tokens'

export const SESSION_HOURS = 12

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

/** A session usable both as the httpOnly cookie and as a bearer token; only hashes are stored. */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<NewSession> {
  const token = newSecret()
  const csrfToken = newSecret(24)
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000)
  await db
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId, kind: 'cookie', csrfHash: sha256(csrfToken), expiresAt })
  return { token, csrfToken, expiresAt }
}

// prepared once: every signed-in request looks its session up
const sessionByHash = preparedOnce((db) =>
  db
    .select({ userId: sessions.userId, csrfHash: sessions.csrfHash })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('session_by_hash'),
)

/** The live session of a token (its user and CSRF hash), or undefined. */
export async function findSession(db: Db, token: string, now = new Date()) {
  // a placeholder skips the column's encoding: the time goes as text
  const [session] = await sessionByHash(db).execute({ hash: sha256(token), now: now.toISOString() })
  return session
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)))
}
