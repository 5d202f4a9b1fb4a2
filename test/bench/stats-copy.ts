/**
 * Text for PostgreSQL's COPY (text format: tab between columns, `\N` for null, a row a line), written fast: the
 * generator formats some fifty million values. Nothing here contains a tab, a newline or a backslash.
 */
import { DAY } from './stats-catalogue'

const two = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const three = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const dates = new Map<number, string>()

/** An instant as a UTC timestamptz literal, e.g. `2025-04-28 03:00:00.000+00`. */
export function timestamp(ms: number): string {
  const day = Math.floor(ms / DAY)
  let date = dates.get(day)
  if (date === undefined) dates.set(day, (date = new Date(day * DAY).toISOString().slice(0, 10)))
  let rest = ms - day * DAY
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = Math.floor(rest / 1000)
  return `${date} ${two[h]}:${two[m]}:${two[s]}.${three[rest - s * 1000]}+00`
}

/** A nullable instant, or COPY's null. */
export const maybe = (ms: number | null): string => (ms === null ? '\\N' : timestamp(ms))

/** `n` random bytes as hex, from a source of numbers 0–1. */
export function randomHex(bytes: number, random: () => number): string {
  let out = ''
  for (let i = 0; i < bytes; i += 4)
    out += Math.floor(random() * 4294967296)
      .toString(16)
      .padStart(8, '0')
  return out.slice(0, bytes * 2)
}

/**
 * A time-ordered UUID (version 7, RFC 9562): the milliseconds first, so rows inserted in time order append to the
 * primary key's index instead of scattering over it as random UUIDs would.
 */
export function uuid7(ms: number, random: () => number): string {
  const time = ms.toString(16).padStart(12, '0')
  const r = randomHex(9, random)
  const variant = hex[0x80 | Math.floor(random() * 64)]
  return `${time.slice(0, 8)}-${time.slice(8)}-7${r.slice(0, 3)}-${variant}${r.slice(3, 5)}-${r.slice(5, 17)}`
}

/** A seeded source of numbers 0–1 (mulberry32): the same seed gives the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
