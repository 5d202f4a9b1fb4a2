import { type Db, type UnitContact, unitSettings } from '@motcua/db'
import { eq } from 'drizzle-orm'

/** The parts of a reception's contact, in the order the portal shows them. */
export const CONTACT_PARTS = ['address', 'openingHours', 'phone', 'email'] as const

/** A unit's reception contact as its administrators set it; `{}` when nothing is known. */
export async function contactOf(db: Db, unitId: string): Promise<UnitContact> {
  const [row] = await db
    .select({ contact: unitSettings.contact })
    .from(unitSettings)
    .where(eq(unitSettings.unitId, unitId))
  return row?.contact ?? {}
}

/** The contact with blank parts dropped and the rest trimmed, so `{}` means "not known". */
export function cleanContact(input: UnitContact): UnitContact {
  const out: UnitContact = {}
  for (const part of CONTACT_PARTS) {
    const value = input[part]?.trim()
    if (value) out[part] = value
  }
  return out
}
