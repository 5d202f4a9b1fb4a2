import { createHash } from 'node:crypto'
import { canonicalJson, type ProcedureDefinition } from '@motcua/core'
import { type Db, procedures, procedureVersions } from '@motcua/db'
import { eq, max, sql } from 'drizzle-orm'
import { PUBLISHED_CHANNEL } from './registry'

export interface PublishInput {
  definition: ProcedureDefinition
  ownerUnitId?: string | null
  publishedBy?: string | null
  /** Under four eyes: who asked for it (`publishedBy` approved it). */
  requestedBy?: string | null
  effectiveFrom?: Date
}

export const contentHash = (definition: unknown): string =>
  createHash('sha256').update(canonicalJson(definition)).digest('hex')

/**
 * Freezes a validated definition as the next version of its procedure (creating the procedure on its
 * first version) and notifies every runtime process when the surrounding transaction commits.
 */
export async function publishVersion(
  tx: Db,
  input: PublishInput,
): Promise<{ id: string; version: number; procedureId: string }> {
  const { definition } = input
  await tx
    .insert(procedures)
    .values({ code: definition.code, ownerUnitId: input.ownerUnitId ?? null })
    .onConflictDoNothing()
  const [procedure] = await tx
    .select({ id: procedures.id })
    .from(procedures)
    .where(eq(procedures.code, definition.code))
  const [latest] = await tx
    .select({ version: max(procedureVersions.version) })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedure!.id))
  const [row] = await tx
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      version: (latest?.version ?? 0) + 1,
      definition,
      contentHash: contentHash(definition),
      publishedBy: input.publishedBy ?? null,
      requestedBy: input.requestedBy ?? null,
      ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}),
    })
    .returning({ id: procedureVersions.id, version: procedureVersions.version })
  await tx.execute(sql`select pg_notify(${PUBLISHED_CHANNEL}, ${definition.code})`)
  return { ...row!, procedureId: procedure!.id }
}
