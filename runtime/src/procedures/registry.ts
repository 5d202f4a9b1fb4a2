import {
  type CustomFormats,
  compileFormValidator,
  type FormValidator,
  type ProcedureDefinition,
  vietnamDate,
} from '@motcua/core'
import { type Database, type OfferingSetting, procedureOfferings, procedures, procedureVersions } from '@motcua/db'
import { eq } from 'drizzle-orm'

/** The channel a publish or an offering change notifies on (payload: the procedure code). */
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

/** A unit's offering override as the registry keeps it (see `procedureOfferings`). */
export type UnitOffering = OfferingSetting

export interface ProcedureRegistry {
  /**
   * The version in force at `at` (the caller's clock): the newest published from a moment that has come and
   * whose definition's `effective.from` (a day, Vietnam time) has come; none once that version's `effective.to`
   * has passed (retired), or when no unit offers it (`units: []` and no unit turned on). Dossiers already
   * filed keep their own version (`byId`).
   */
  current(code: string, at: Date): Promise<PublishedVersion | undefined>
  /** Every procedure's version in force at `at`. */
  listCurrent(at: Date): Promise<PublishedVersion[]>
  /** A version published to take over later (scheduled): the newest one not yet in force at `at`, if any. */
  scheduled(code: string, at: Date): Promise<PublishedVersion | undefined>
  /** Newest first. */
  versions(code: string): Promise<PublishedVersion[]>
  /** The units whose offering administrators set, by unit id (they override the definition's `units`). */
  offerings(procedureId: string): Promise<ReadonlyMap<string, UnitOffering>>
  byId(versionId: string): Promise<PublishedVersion | undefined>
  /** Forget what is cached; the next read loads the published versions again. */
  invalidate(): void
  close(): Promise<void>
}

type Row = Omit<PublishedVersion, 'validateForm'>

function withLazyValidator(row: Row, formats: CustomFormats): PublishedVersion {
  let validator: FormValidator | undefined
  return {
    ...row,
    validateForm: (data, today) => (validator ??= compileFormValidator(row.definition, formats))(data, today),
  }
}

/** Whether a version's start has come at `at`: published from a moment past and its `effective.from` reached. */
export const hasStarted = (v: PublishedVersion, at: Date): boolean =>
  v.effectiveFrom <= at && v.definition.effective.from <= vietnamDate(at)

/** The first day (Vietnam time) a version takes new dossiers: its definition's `effective.from`, or later if published later. */
export const startsOn = (v: PublishedVersion): string =>
  [v.definition.effective.from, vietnamDate(v.effectiveFrom)].sort().at(-1)!

/** Whether an override applies on a day (Vietnam time, YYYY-MM-DD). */
export const appliesOn = (setting: UnitOffering, day: string): boolean =>
  (!setting.from || setting.from <= day) && (!setting.to || day <= setting.to)

interface Loaded {
  byCode: Map<string, PublishedVersion[]>
  offerings: Map<string, Map<string, UnitOffering>>
}

/**
 * Serves published versions and the units' offerings from memory and reloads them when any process publishes or
 * changes an offering (PostgreSQL LISTEN/NOTIFY; in-process on PGlite). Nothing is decided at load time: which
 * version is in force is computed at each call from the caller's clock, so a version scheduled for tomorrow takes
 * over at midnight (Vietnam time) in a process that keeps running.
 */
export async function createRegistry(
  database: Database,
  options: {
    /** The installed plugins' form formats, which forms may use. */
    formats?: CustomFormats
  } = {},
): Promise<ProcedureRegistry> {
  const { formats = {} } = options
  const byId = new Map<string, PublishedVersion>()
  let loaded: Promise<Loaded> | undefined

  async function load(): Promise<Loaded> {
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
      const version = byId.get(row.id) ?? withLazyValidator(row as Row, formats)
      byId.set(row.id, version)
      map.set(row.code, [...(map.get(row.code) ?? []), version])
    }
    for (const list of map.values()) list.sort((a, b) => b.version - a.version)
    const offerings = new Map<string, Map<string, UnitOffering>>()
    for (const { procedureId, unitId, offered, from, to } of await database.db.select().from(procedureOfferings)) {
      if (!offerings.has(procedureId)) offerings.set(procedureId, new Map())
      offerings.get(procedureId)!.set(unitId, { offered, from, to })
    }
    return { byCode: map, offerings }
  }
  const all = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined
      throw error
    }))
  const inForce = ({ offerings }: Loaded, list: PublishedVersion[] | undefined, at: Date) => {
    const day = vietnamDate(at)
    const version = list?.find((v) => hasStarted(v, at))
    if (!version) return undefined
    const { to } = version.definition.effective
    if (to && day > to) return undefined
    const turnedOn = () =>
      [...(offerings.get(version.procedureId)?.values() ?? [])].some((o) => o.offered && appliesOn(o, day))
    return version.definition.units?.length !== 0 || turnedOn() ? version : undefined
  }

  const unlisten = await database.listen(PUBLISHED_CHANNEL, () => {
    loaded = undefined
  })
  return {
    current: async (code, at) => {
      const data = await all()
      return inForce(data, data.byCode.get(code), at)
    },
    listCurrent: async (at) => {
      const data = await all()
      return [...data.byCode.values()].map((list) => inForce(data, list, at)).filter((v) => v !== undefined)
    },
    scheduled: async (code, at) => {
      const list = (await all()).byCode.get(code) ?? []
      const current = list.find((v) => hasStarted(v, at))
      return list.find((v) => !hasStarted(v, at) && (!current || v.version > current.version))
    },
    versions: async (code) => (await all()).byCode.get(code) ?? [],
    offerings: async (procedureId) => (await all()).offerings.get(procedureId) ?? new Map(),
    byId: async (id) => {
      if (!byId.has(id)) await all()
      return byId.get(id)
    },
    invalidate: () => {
      loaded = undefined
    },
    close: unlisten,
  }
}
