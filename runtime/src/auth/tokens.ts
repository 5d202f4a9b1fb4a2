import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random secret for a session, a CSRF token or a lookup PIN source. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

/** Secrets are stored only as their sha256. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

export function sameSecret(secret: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false
  const a = Buffer.from(sha256(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
