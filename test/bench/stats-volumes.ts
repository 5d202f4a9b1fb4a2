/**
 * How many dossiers the statistics generator files on each day, of which procedure, with which unit, by which
 * channel. The shares are the province's 2019 report (DOMAIN.md, from the seed document): online 55 % at the
 * departments, 30 % at the districts, 25 % at the communes, 31 % overall, so departments ~15 %, districts ~35 %,
 * communes ~50 % of the volume; the split between procedures and units is this file's own guess.
 */
import type { ResolvedCalendar } from '@motcua/core'
import { type Catalogue, type CatalogueUnit, type CatalogueVersion, dayStart, openingsOn } from './stats-catalogue'

/** Each library procedure's share of the province's dossiers while it is in force (percent; others: 1). */
const PROCEDURE_SHARE: Record<string, number> = {
  // departments, ~15: criminal records, driving licences, enterprises, construction, investment
  'QN-LLTP-01': 5.5,
  'QN-GPLX-01': 6.5,
  'QN-GPLX-02': 0.5,
  '2.001610': 1.2,
  'QN-XD-02': 1,
  '1.009645': 0.3,
  // districts, ~35: building permits, household businesses
  'QN-GPXD-01': 10,
  '1.001612': 15,
  '2.000720': 10,
  // communes, ~50: certification first, then civil status and social allowances
  '2.000815': 20,
  '2.000884': 6,
  '2.000635': 4,
  '1.001193': 5,
  '1.000656': 1.5,
  '1.000894': 2,
  '1.004873': 4,
  '1.001022': 0.3,
  '1.004837': 0.2,
  '1.004845': 0.1,
  '1.001776': 6.9,
}

/** Online share of the dossiers filed with a unit of each level (2019 report); post is 3 % everywhere. */
export const ONLINE_SHARE: Record<string, number> = { department: 0.55, district: 0.3, commune: 0.25 }
export const POST_SHARE = 0.03
/** A day the offices are closed still gets online filings, this share of a working day's. */
const CLOSED_DAY_WEIGHT = 0.1

/** A pseudo-random number 0–1 fixed by a text (FNV-1a). */
function hashShare(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0) / 4294967296
}

/**
 * A unit's size among the units of its level: a fixed pseudo-random 0.4–2.5, wards and towns and cities larger; a
 * unit formed from others (a merger) as large as the ones of its level that went into it.
 */
function unitWeights(catalogue: Catalogue): Map<string, number> {
  const predecessors = new Map<string, CatalogueUnit[]>()
  for (const u of catalogue.units)
    if (u.successor) predecessors.set(u.successor.id, [...(predecessors.get(u.successor.id) ?? []), u])
  const weights = new Map<string, number>()
  const weightOf = (u: CatalogueUnit): number => {
    const known = weights.get(u.id)
    if (known !== undefined) return known
    const from = (predecessors.get(u.id) ?? []).filter((p) => p.level === u.level && p.to === u.from)
    const urban = /^(Phường|Thị trấn|Thành phố|Thị xã)/.test(u.type) ? 1.6 : 1
    const weight = from.length
      ? from.reduce((sum, p) => sum + weightOf(p), 0)
      : (0.4 + 2.1 * hashShare(u.code) ** 2) * urban
    weights.set(u.id, weight)
    return weight
  }
  for (const u of catalogue.units) weightOf(u)
  return weights
}

/** The procedures in force and the units offering each, over a run of days where none of them changes. */
export interface Epoch {
  from: number
  versions: CatalogueVersion[]
  /** Cumulative procedure shares, parallel to `versions`. */
  versionCumulative: Float64Array
  units: CatalogueUnit[][]
  unitCumulative: Float64Array[]
}

const cumulative = (weights: number[]) => {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}

/** Index of the first cumulative weight above `r` × the total. */
export function pick(cum: Float64Array, r: number): number {
  const target = r * cum[cum.length - 1]!
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cum[mid]! > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The epochs between `first` and `last` (local days, inclusive), each listing what was in force. */
export function epochsOf(catalogue: Catalogue, first: number, last: number): Epoch[] {
  const weights = unitWeights(catalogue)
  const bounds = new Set([first])
  for (const x of [...catalogue.units, ...catalogue.versions])
    for (const day of [x.from, x.to]) if (day > first && day <= last) bounds.add(day)
  const epochs: Epoch[] = []
  for (const from of [...bounds].sort((a, b) => a - b)) {
    const inForce = <T extends { from: number; to: number }>(x: T) => x.from <= from && from < x.to
    const newest = new Map<string, CatalogueVersion>()
    for (const v of catalogue.versions) if (v.from <= from) newest.set(v.code, v)
    const offered = [...newest.values()]
      .filter(inForce)
      .map((v) => ({
        v,
        units: catalogue.units.filter((u) => inForce(u) && (v.units ? v.units.includes(u.code) : v.level === u.level)),
      }))
      .filter((o) => o.units.length > 0)
    epochs.push({
      from,
      versions: offered.map((o) => o.v),
      versionCumulative: cumulative(offered.map((o) => PROCEDURE_SHARE[o.v.code] ?? 1)),
      units: offered.map((o) => o.units),
      unitCumulative: offered.map((o) => cumulative(o.units.map((u) => weights.get(u.id)!))),
    })
  }
  return epochs
}

/**
 * Dossiers filed on each day from `first` to `last`: `total` spread by weight, a working day 1, a closed day 0.1 (online
 * only), a mild season (more in spring, fewer in late summer) and a 10 % growth over the run.
 */
export function dailyCounts(calendar: ResolvedCalendar, first: number, last: number, total: number) {
  const days = last - first + 1
  const weights = Array.from({ length: days }, (_, i) => {
    const day = first + i
    const month = new Date(dayStart(day) + 7 * 3_600_000).getUTCMonth()
    const open = openingsOn(calendar, day).length > 0
    return (
      (open ? 1 : CLOSED_DAY_WEIGHT) * (1 + 0.1 * Math.sin((2 * Math.PI * (month + 1)) / 12)) * (1 + (0.1 * i) / days)
    )
  })
  const sum = weights.reduce((a, b) => a + b, 0)
  const closed = weights.reduce((a, w, i) => (openingsOn(calendar, first + i).length ? a : a + w), 0) / sum
  const counts = new Int32Array(days)
  let before = 0
  let running = 0
  weights.forEach((w, i) => {
    running += w
    const upTo = Math.round((total * running) / sum)
    counts[i] = upTo - before
    before = upTo
  })
  return { counts, closedShare: closed }
}
