import { createHmac } from 'node:crypto'
import { type Db, settings } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { newSecret } from './tokens'

/**
 * The secret that derives lookup PINs: `secretKey` (SECRET_KEY) when set, otherwise one generated on first start
 * and kept in the database, so every runtime process on it derives the same PINs.
 */
export async function loadInstanceSecret(db: Db, secretKey?: string): Promise<string> {
  if (secretKey) return secretKey
  await db.insert(settings).values({ key: 'instance_secret', value: newSecret() }).onConflictDoNothing()
  const [row] = await db.select().from(settings).where(eq(settings.key, 'instance_secret'))
  return row!.value
}

/**
 * The 8-digit lookup PIN printed on a dossier's receipt, derived (HMAC) from its id: a retried submission
 * gets the same PIN back without the PIN ever being stored.
 */
export function lookupPin(secret: string, dossierId: string): string {
  const mac = createHmac('sha256', secret).update(`pin:${dossierId}`).digest()
  return String(mac.readUInt32BE(0) % 100_000_000).padStart(8, '0')
}
