import { type CatalogueSummary, vietnamDate } from '@motcua/core'
import { appliesOn, type ProcedureRegistry, type PublishedVersion } from '../procedures/registry'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'

/** The province's target share of procedures offered online (the seed: "tối thiểu 70 % dịch vụ công trực tuyến mức độ 3, 4"). */
export const ONLINE_TARGET = 0.7

/**
 * The procedures in force at `at` that each unit offers: the administrators' setting for the unit when one applies
 * that day, else the definition (its `units`, or every unit of its level); a unit's own procedure only under it.
 * (Unlike the portal's offering check, a procedure waiting for a required plugin still counts: it is in the catalogue.)
 */
export async function offeredBy(
  registry: ProcedureRegistry,
  directory: UnitDirectory,
  units: readonly UnitRow[],
  at: Date,
): Promise<Map<string, PublishedVersion[]>> {
  const day = vietnamDate(at)
  const versions = await registry.listCurrent(at)
  const settings = await Promise.all(versions.map((v) => registry.offerings(v.procedureId)))
  const offered = new Map<string, PublishedVersion[]>()
  for (const unit of units) {
    const lineage = versions.some((v) => v.ownerUnitId) ? await directory.lineage(unit.id) : []
    const list: PublishedVersion[] = []
    versions.forEach((v, i) => {
      if (v.ownerUnitId && !lineage.includes(v.ownerUnitId)) return
      const setting = settings[i]!.get(unit.id)
      const d = v.definition
      const on =
        setting && appliesOn(setting, day)
          ? setting.offered
          : d.units
            ? d.units.includes(unit.code)
            : d.level === unit.level
      if (on) list.push(v)
    })
    offered.set(unit.id, list)
  }
  return offered
}

/** How many distinct procedures, and how many of them fully or partly online. */
export function catalogueSummary(versions: Iterable<PublishedVersion>): CatalogueSummary {
  const modes = new Map<string, string>()
  for (const v of versions) modes.set(v.code, v.definition.onlineMode.mode)
  const count = (mode: string) => [...modes.values()].filter((m) => m === mode).length
  const full = count('full')
  const partial = count('partial')
  return {
    procedures: modes.size,
    full,
    partial,
    onlineShare: modes.size > 0 ? (full + partial) / modes.size : null,
    target: ONLINE_TARGET,
  }
}
