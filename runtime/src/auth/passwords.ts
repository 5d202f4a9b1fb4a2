import { hash, verify } from '@node-rs/argon2'

/** Argon2id with the library's defaults (19 MiB, 2 passes): memory-hard, ~40 ms here. */
export const hashPassword = (password: string): Promise<string> => hash(password)

// Verifying against this keeps an unknown username as slow as a wrong password.
const decoy = hash('motcua-decoy-password')

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await decoy), password)
  } catch {
    return false
  }
}
