import { units } from '@motcua/db'
import { and, gt, isNull, lte, or, type SQL } from 'drizzle-orm'

/** The condition "the unit is in force on `day`" (YYYY-MM-DD): begun on or before it, not ended by it. */
export const inForceOn = (day: string): SQL =>
  and(lte(units.effectiveFrom, day), or(isNull(units.effectiveTo), gt(units.effectiveTo, day)))!
