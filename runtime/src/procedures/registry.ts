import { compileFormValidator, type FormValidator, type ProcedureDefinition, vietnamDate } from '@motcua/core'
import { type Database, procedures, procedureVersions } from '@motcua/db'
import { eq } from 'drizzle-orm'

/** The channel a publish notifies on (payload: the procedure code). */
export const PUBLISHED_CHANNEL = 'motcua_procedure_published'

/** A published, frozen procedure version as the runtime serves it. */
export interface PublishedVersion {
  id: string
  procedureId: string
  code: string
  ownerUnitId: string | null
  version: number
  contentHash: string
  definition: ProcedureDefinition
  publishedAt: Date
  effectiveFrom: Date
  /** The form's ajv validator, compiled on first use and kept: a version never changes. */
  validateForm: FormValidator
}

export interface ProcedureRegistry {
  /**
   * The version in force now: the newest published from a date that has come and whose definition's
   * `effective.from` has come; none once that version's `effective.to` has passed or its `units` is empty
   * (the procedure was withdrawn). Dossiers already filed keep their own version (`byId`).
   */
  current(code: string, at?: Date): Promise<PublishedVersion | undefined>
  /** Every procedure's version in force now. */
  listCurrent(at?: Date): Promise<PublishedVersion[]>
  versions(code: string): Promise<PublishedVersion[]>
  byId(versionId: string): Promise<PublishedVersion | undefined>
  /** Forget what is cached; the next read loads the published versions again. */
  invalidate(): void
  close(): Promise<void>
}

type Row = Omit<PublishedVersion, 'validateForm'>

function withLazyValidator(row: Row): PublishedVersion {
  let validator: FormValidator | undefined
  return { ...row, validateForm: (data) => (validator ??= compileFormValidator(row.definition))(data) }
}

/**
 * Serves published versions from memory and reloads them when any process publishes
 * (PostgreSQL LISTEN/NOTIFY; in-process on PGlite).
 */
export async function createRegistry(database: Database): Promise<ProcedureRegistry> {
  const byId = new Map<string, PublishedVersion>()
  let byCode: Promise<Map<string, PublishedVersion[]>> | undefined

  async function load(): Promise<Map<string, PublishedVersion[]>> {
    const rows = await database.db
      .select({
        id: procedureVersions.id,
        procedureId: procedures.id,
        code: procedures.code,
        ownerUnitId: procedures.ownerUnitId,
        version: procedureVersions.version,
        contentHash: procedureVersions.contentHash,
        definition: procedureVersions.definition,
        publishedAt: procedureVersions.publishedAt,
        effectiveFrom: procedureVersions.effectiveFrom,
      })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    const map = new Map<string, PublishedVersion[]>()
    for (const row of rows) {
      const version = byId.get(row.id) ?? withLazyValidator(row as Row)
      byId.set(row.id, version)
      map.set(row.code, [...(map.get(row.code) ?? []), version])
    }
    for (const list of map.values()) list.sort((a, b) => b.version - a.version)
    return map
  }
  const all = () =>
    (byCode ??= load().catch((error: unknown) => {
      byCode = undefined
      throw error
    }))
  const inForce = (list: PublishedVersion[] | undefined, at: Date) => {
    const day = vietnamDate(at)
    const version = list?.find((v) => v.effectiveFrom <= at && v.definition.effective.from <= day)
    const { to } = version?.definition.effective ?? {}
    return version && !(to && day > to) && version.definition.units?.length !== 0 ? version : undefined
  }

  const unlisten = await database.listen(PUBLISHED_CHANNEL, () => {
    byCode = undefined
  })
  return {
    current: async (code, at = new Date()) => inForce((await all()).get(code), at),
    listCurrent: async (at = new Date()) =>
      [...(await all()).values()].map((list) => inForce(list, at)).filter((v) => v !== undefined),
    versions: async (code) => (await all()).get(code) ?? [],
    byId: async (id) => {
      if (!byId.has(id)) await all()
      return byId.get(id)
    },
    invalidate: () => {
      byCode = undefined
    },
    close: unlisten,
  }
}
