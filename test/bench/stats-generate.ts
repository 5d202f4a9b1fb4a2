/**
 * The statistics generator's day loop: each day's filings (procedure, unit, channel, minute), numbered per
 * receiving unit in the order they came, each dossier's life (stats-dossier.ts), as COPY text for `dossiers` and
 * `dossier_events`.
 */
import { foldVietnamese, type ResolvedCalendar } from '@motcua/core'
import { givens, middles, surnames } from './fill-dossiers'
import {
  type Catalogue,
  type CatalogueUnit,
  type CatalogueVersion,
  dateOf,
  dayStart,
  MINUTE,
  openingsOn,
  type StepMove,
} from './stats-catalogue'
import { maybe, randomHex, seededRandom, timestamp, uuid7 } from './stats-copy'
import { type DossierFiling, type GeneratedEvent, generateDossier } from './stats-dossier'
import { epochsOf, ONLINE_SHARE, POST_SHARE, pick } from './stats-volumes'

export const DOSSIER_COLUMNS =
  'id, receipt_code, lookup_pin_hash, procedure_version_id, unit_id, filed_unit_id, receiving_unit_id, current_unit_id, ' +
  'channel, status, current_step, "current_role", applicant, form_data, submitted_at, received_at, due_at, paused_at, ' +
  'done_at, returned_at, ended_at, version, search_text, updated_at'
export const EVENT_COLUMNS =
  'dossier_id, seq, at, actor_role, action, from_step, to_step, from_status, to_status, note, data'

/** What an officer writes as the reason (the runtime requires one for these actions). */
const NOTES: Record<string, string> = {
  refuse: 'Hồ sơ không đủ điều kiện tiếp nhận, giải quyết',
  withdraw: 'Công dân đề nghị rút hồ sơ',
  stop: 'Dừng giải quyết theo quy định',
}
const N = '\\N'
const names = {
  s: surnames,
  m: middles,
  g: givens,
  fs: surnames.map(foldVietnamese),
  fm: middles.map(foldVietnamese),
  fg: givens.map(foldVietnamese),
}

export interface GenerationInput {
  catalogue: Catalogue
  calendar: ResolvedCalendar
  /** Local days, inclusive. */
  first: number
  last: number
  /** The moment the data stands for. */
  cut: number
  /** Dossiers filed each day from `first`, and the share of them on days the offices are closed. */
  counts: Int32Array
  closedShare: number
  seed: number
}

export interface Generated {
  dossiers: number
  events: number
  /** The last receipt number each receiving unit gave each day. */
  sequences: { unit_id: string; day: string; last_value: number }[]
}

const tails = new WeakMap<CatalogueVersion, Map<StepMove, Map<number, string>>>()
/** An event's columns after its actor: the same for every event of a version's move between the same steps. */
function eventTail(version: CatalogueVersion, e: GeneratedEvent): string {
  let byMove = tails.get(version)
  if (!byMove) tails.set(version, (byMove = new Map()))
  let byShape = byMove.get(e.move)
  if (!byShape) byMove.set(e.move, (byShape = new Map()))
  const shape = (e.from + 1) * 1_000_000 + (e.to + 1) * 10_000 + (e.fromStatus ?? 0) * 100 + e.toStatus
  let tail = byShape.get(shape)
  if (tail === undefined) {
    const key = (step: number) => (step === -1 ? N : version.steps[step]!.key)
    tail = `${e.move.type}\t${key(e.from)}\t${key(e.to)}\t${e.fromStatus ?? N}\t${e.toStatus}\t${NOTES[e.move.type] ?? N}\t${e.move.data}\n`
    byShape.set(shape, tail)
  }
  return tail
}

const submits = new WeakMap<CatalogueVersion, StepMove[]>()
/** The submission's move, its data the channel and the version, as the runtime logs it. */
function submitMove(version: CatalogueVersion, channel: number): StepMove {
  let byChannel = submits.get(version)
  if (!byChannel) submits.set(version, (byChannel = []))
  return (byChannel[channel] ??= {
    type: 'submit',
    data: `{"channel":${channel},"fees":[],"version":${version.version}}`,
  })
}

/** Generates every day's dossiers in order, handing their COPY text to `emit` about a megabyte at a time. */
export async function generateDossiers(
  input: GenerationInput,
  emit: (dossierRows: string, eventRows: string, dossiersSoFar: number) => Promise<void>,
): Promise<Generated> {
  const { catalogue, calendar, first, last, counts, closedShare } = input
  const random = seededRandom(input.seed)
  const epochs = epochsOf(catalogue, first, last)
  // the closed days' filings are all online: the working days' online share is lower by as much
  const onlineOnWorkingDays = (level: string) =>
    Math.max(0, (ONLINE_SHARE[level] ?? 0.3) - closedShare) / (1 - closedShare)
  const postOnWorkingDays = POST_SHARE / (1 - closedShare)
  const ctx = { catalogue, calendar, cut: input.cut, random }
  const sequences: Generated['sequences'] = []
  let rows: string[] = []
  let events: string[] = []
  let size = 0
  let dossierCount = 0
  let eventCount = 0
  let epoch = 0
  for (let day = first; day <= last; day++) {
    while (epoch + 1 < epochs.length && epochs[epoch + 1]!.from <= day) epoch++
    const { versions, versionCumulative, units, unitCumulative } = epochs[epoch]!
    if (versions.length === 0) continue
    const openings = openingsOn(calendar, day)
    const officeMinutes = openings.reduce((sum, o) => sum + o.end - o.start, 0)
    const receiving = new Map<string, CatalogueUnit>()
    const filings: DossierFiling[] = []
    for (let i = counts[day - first]!; i > 0; i--) {
      const vi = pick(versionCumulative, random())
      const version = versions[vi]!
      const unit = units[vi]![pick(unitCumulative[vi]!, random())]!
      const r = random()
      const online = onlineOnWorkingDays(unit.level)
      const channel = officeMinutes === 0 || r < online ? 2 : r < online + postOnWorkingDays ? 3 : 1
      let minute: number
      if (channel === 2) minute = random() < 0.75 ? 420 + random() * 900 : random() * 1440
      else {
        // a minute of the day's office hours, uniformly
        let at = random() * officeMinutes
        let opening = openings[0]!
        for (opening of openings) {
          if (at < opening.end - opening.start) break
          at -= opening.end - opening.start
        }
        minute = opening.start + Math.min(at, opening.end - opening.start)
      }
      const code = version.receptionCode
      let receiver = unit
      if (code) {
        let found = receiving.get(code)
        if (!found) {
          found = catalogue.units.find((u) => u.code === code && u.from <= day && day < u.to) ?? unit
          receiving.set(code, found)
        }
        receiver = found
      }
      filings.push({
        submittedAt: Math.floor(dayStart(day) + minute * MINUTE),
        channel,
        version,
        unitId: unit.id,
        receivingUnitId: receiver.id,
        submit: submitMove(version, channel),
      })
    }
    filings.sort((a, b) => a.submittedAt - b.submittedAt)
    const date = dateOf(day)
    const yymmdd = date.slice(2).replaceAll('-', '')
    const seqByUnit = new Map<string, number>()
    for (const filing of filings) {
      const seq = (seqByUnit.get(filing.receivingUnitId) ?? 0) + 1
      seqByUnit.set(filing.receivingUnitId, seq)
      const receiver = catalogue.byId.get(filing.receivingUnitId)!
      const receiptCode = `${receiver.electronicId}-${yymmdd}-${String(seq).padStart(4, '0')}`
      const d = generateDossier(ctx, filing)
      const id = uuid7(filing.submittedAt, random)
      const h = Math.floor(random() * 2 ** 30)
      const si = h % names.s.length
      const mi = (h >> 6) % names.m.length
      const gi = (h >> 12) % names.g.length
      // a citizen ID (CCCD): Quảng Ninh's 022, the century and sex, the year of birth, six digits
      const idNumber = `022${(h >> 3) % 4}${String((h >> 5) % 100).padStart(2, '0')}${String(h % 1_000_000).padStart(6, '0')}`
      const step = d.step === -1 ? null : filing.version.steps[d.step]!
      const row =
        `${id}\t${receiptCode}\t${randomHex(32, random)}\t${filing.version.id}\t${d.unitId}\t${filing.unitId}\t` +
        `${filing.receivingUnitId}\t${d.currentUnitId ?? N}\t${filing.channel}\t${d.status}\t${step?.key ?? N}\t` +
        `${step?.role ?? N}\t{"fullName":"${names.s[si]} ${names.m[mi]} ${names.g[gi]}","idNumber":"${idNumber}",` +
        `"phone":"09${String(h % 100_000_000).padStart(8, '0')}"}\t{"soBanSao":${1 + (h % 3)}}\t` +
        `${timestamp(filing.submittedAt)}\t${maybe(d.receivedAt)}\t${maybe(d.dueAt)}\t${maybe(d.pausedAt)}\t` +
        `${maybe(d.doneAt)}\t${maybe(d.returnedAt)}\t${maybe(d.endedAt)}\t${d.events.length}\t` +
        `${names.fs[si]} ${names.fm[mi]} ${names.fg[gi]} ${idNumber} ${receiptCode.toLowerCase()}\t` +
        `${timestamp(d.events[d.events.length - 1]!.at)}\n`
      rows.push(row)
      size += row.length
      for (let i = 0; i < d.events.length; i++) {
        const e = d.events[i]!
        const line = `${id}\t${i + 1}\t${timestamp(e.at)}\t${e.role ?? N}\t${eventTail(filing.version, e)}`
        events.push(line)
        size += line.length
      }
      eventCount += d.events.length
    }
    for (const [unit_id, last_value] of seqByUnit) sequences.push({ unit_id, day: date, last_value })
    dossierCount += filings.length
    if (size > 1 << 16) {
      await emit(rows.join(''), events.join(''), dossierCount)
      rows = []
      events = []
      size = 0
    }
  }
  if (rows.length) await emit(rows.join(''), events.join(''), dossierCount)
  return { dossiers: dossierCount, events: eventCount, sequences }
}
