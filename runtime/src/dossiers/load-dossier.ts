import { type Db, dossiers, preparedOnce } from '@motcua/db'
import { eq, sql } from 'drizzle-orm'
import type { ProcedureRegistry, PublishedVersion } from '../procedures/registry'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import type { DossierRow } from './act'

/** A dossier with its receiving unit and the published version it was filed under (and is processed by). */
export interface LoadedDossier {
  dossier: DossierRow
  unit: UnitRow
  procedure: PublishedVersion
}

// prepared once: the public lookup is the busiest route there is
const byCode = preparedOnce((db) =>
  db
    .select()
    .from(dossiers)
    .where(eq(dossiers.receiptCode, sql.placeholder('code')))
    .prepare('dossier_by_code'),
)

/**
 * A dossier by its receipt code: one prepared query, then its unit and version from memory. Every route that
 * reads one dossier (tracking, the desk, files, slips, plugins) goes through here.
 * @example const found = await loadDossier(c.var, '000.01.21.H49-251128-0001')
 */
export async function loadDossier(
  services: { database: { db: Db }; units: UnitDirectory; registry: ProcedureRegistry },
  receiptCode: string,
): Promise<LoadedDossier | undefined> {
  const [dossier] = await byCode(services.database.db).execute({ code: receiptCode })
  if (!dossier) return undefined
  const unit = await services.units.byId(dossier.unitId)
  const procedure = await services.registry.byId(dossier.procedureVersionId)
  // a dossier always has both (foreign keys, immutable versions); a reorganisation must keep its unit too
  if (!unit || !procedure) throw new Error(`dossier ${dossier.id}: its unit or procedure version is missing`)
  return { dossier, unit, procedure }
}
