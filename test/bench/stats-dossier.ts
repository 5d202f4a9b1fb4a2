/**
 * One generated dossier's life, as the runtime would have written it: its events from submission to return (or
 * refusal, withdrawal, stop), with core's deadlines and working time, then cut at the moment the data stands for.
 * What happens to how many is set by `FATE`; the deadlines are core's (`computeDue`, `dueAfterResume`).
 */
import {
  addWorkingMinutes,
  computeDue,
  type Duration,
  dueAfterResume,
  type ResolvedCalendar,
  workingMinutesBetween,
} from '@motcua/core'
import {
  builtInMoves,
  type Catalogue,
  type CatalogueVersion,
  DAY,
  localDay,
  type StepMove,
  unitAfterMoves,
} from './stats-catalogue'

/** How many of the dossiers meet each fate (shares of those that reach the point where it is decided). */
export const FATE = {
  /** Online filings refused at reception (never received), and withdrawn before. */
  refusedAtReception: 0.04,
  withdrawnBeforeReception: 0.005,
  /** Online filings of a procedure that asks for payment at reception: asked to pay first. */
  payment: 0.05,
  /** Received: refused, withdrawn or stopped while processed; left without any action (overdue for ever). */
  refused: 0.01,
  withdrawn: 0.008,
  stopped: 0.004,
  stuck: 0.003,
  /** Received: asked for a supplement; of those, never supplemented (stopped after 60 days). */
  supplement: 0.07,
  unanswered: 0.15,
  /**
   * Resolved: using 10–80 % of the working time left (`early`), 102–160 % (`late`), the rest 80–100 %; core's
   * `classify` then judges them (about half early, half on time, 5 % late with these shares).
   */
  early: 0.62,
  late: 0.05,
}

export interface GeneratedEvent {
  at: number
  move: StepMove
  role: string | null
  /** Step indexes; -1 = none (before submission, or ended). */
  from: number
  to: number
  fromStatus: number | null
  toStatus: number
}

export interface GeneratedDossier {
  /** The events up to the cut, in order; the first is the submission. */
  events: GeneratedEvent[]
  status: number
  /** The step it is at, -1 once ended. */
  step: number
  receivedAt: number | null
  dueAt: number | null
  pausedAt: number | null
  doneAt: number | null
  returnedAt: number | null
  endedAt: number | null
  /** The unit that has it now, and the one working its current step (null once ended). */
  unitId: string
  currentUnitId: string | null
}

export interface DossierContext {
  catalogue: Catalogue
  calendar: ResolvedCalendar
  /** The moment the data stands for: events after it have not happened yet. */
  cut: number
  random: () => number
}

export interface DossierFiling {
  submittedAt: number
  channel: number
  version: CatalogueVersion
  unitId: string
  receivingUnitId: string
  /** The submission, its data (`{"channel":…}`) as the runtime logs it. */
  submit: StepMove
}

const OFFICER = 'receiving_officer'
const HOUR = 3_600_000

/**
 * The working minutes a processing time allows, when they do not depend on the moment of reception; null for the
 * kinds that do (same day, calendar days), which are then measured.
 */
const fixedMinutes = (time: Duration, workingDayMinutes: number): number | null =>
  time.kind === 'workingDays'
    ? time.days * workingDayMinutes
    : time.kind === 'workingHours'
      ? time.hours * 60
      : time.kind === 'none'
        ? 3 * workingDayMinutes
        : null

/** One dossier's life as it is being written: its events so far and where it stands. */
class Life {
  readonly events: GeneratedEvent[] = []
  step = 0
  status = 1
  received: number | null = null
  due: number | null = null
  paused: number | null = null
  resumed: number | null = null
  dueAfter: number | null = null
  done: number | null = null
  returned: number | null = null

  constructor(
    readonly ctx: DossierContext,
    readonly filing: DossierFiling,
  ) {
    this.events.push({
      at: filing.submittedAt,
      move: filing.submit,
      role: filing.channel === 2 ? 'citizen' : OFFICER,
      from: -1,
      to: 0,
      fromStatus: null,
      toStatus: 1,
    })
  }

  push(at: number, move: StepMove, role: string | null, to: number, toStatus: number): undefined {
    this.events.push({ at, move, role, from: this.step, to, fromStatus: this.status, toStatus })
    this.step = to
    this.status = toStatus
  }

  /** `from` plus working minutes (core's `addWorkingMinutes`). */
  add(from: number, minutes: number): number {
    return addWorkingMinutes(this.ctx.calendar, new Date(from), Math.max(0, minutes)).getTime()
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.ctx.random()
  }

  /** From submission to the end; each fate that ends the dossier returns early. */
  live(): undefined {
    const { filing, ctx } = this
    const { random, calendar } = ctx
    const v = filing.version
    const steps = v.steps
    let t = filing.submittedAt
    if (filing.channel === 2) {
      const fate = random()
      if (fate < FATE.refusedAtReception) return this.push(this.add(t, this.uniform(20, 900)), v.refuse, OFFICER, -1, 3)
      if (fate < FATE.refusedAtReception + FATE.withdrawnBeforeReception)
        return this.push(t + this.uniform(1, 72) * HOUR, builtInMoves.withdraw, OFFICER, -1, 7)
      if (v.payment && random() < FATE.payment) {
        t = this.add(t, this.uniform(10, 240))
        this.push(t, v.payment.request, OFFICER, 0, 6)
        t = this.add(t + this.uniform(0.2, 3) * DAY, this.uniform(0, 120))
        this.push(t, v.payment.confirm, OFFICER, 0, 1)
      }
      t = this.add(t, this.uniform(15, 600))
    }
    const received = t
    this.received = received
    this.push(received, steps[0]!.forward, OFFICER, 1, steps[1]!.status === 9 ? 9 : 2)
    const due = computeDue(calendar, new Date(received), v.processingTime)?.getTime() ?? null
    this.due = due
    const allowed = Math.max(
      30,
      fixedMinutes(v.processingTime, calendar.workingDayMinutes) ??
        (due === null ? 0 : workingMinutesBetween(calendar, new Date(received), new Date(due))),
    )
    const handler = steps[1]!.role
    const fate = random()
    let edge = 0
    for (const [share, move, role, toStatus] of [
      [FATE.refused, v.refuse, handler, 3],
      [FATE.withdrawn, builtInMoves.withdraw, OFFICER, 7],
      [FATE.stopped, builtInMoves.stop, 'leader', 8],
    ] as const) {
      edge += share
      if (fate < edge) return this.push(this.add(received, this.uniform(0.1, 0.8) * allowed), move, role, -1, toStatus)
    }
    if (fate < edge + FATE.stuck) return
    let start = received
    let left = allowed
    if (random() < FATE.supplement) {
      const spent = this.uniform(0.05, 0.4) * allowed
      const paused = this.add(received, spent)
      this.paused = paused
      this.push(paused, v.supplement, handler, 1, 5)
      if (random() < FATE.unanswered)
        return this.push(this.add(paused + 60 * DAY, 30), builtInMoves.stop, 'leader', -1, 8)
      const resumed = this.add(paused + this.uniform(1, 15) * DAY, this.uniform(0, 240))
      this.resumed = resumed
      this.push(resumed, builtInMoves.acceptSupplement, OFFICER, 1, steps[1]!.status)
      if (due !== null)
        this.dueAfter = dueAfterResume(calendar, new Date(due), new Date(paused), new Date(resumed)).getTime()
      start = resumed
      left = allowed - spent
    }
    // the working time used of what was left: early mostly, on time, late a few (core's classify() judges them)
    const r = random()
    const share =
      r < FATE.late
        ? this.uniform(1.02, 1.6)
        : r < FATE.late + FATE.early
          ? this.uniform(0.1, 0.8)
          : this.uniform(0.8, 1)
    const used = share * left
    const done = this.add(start, used)
    this.done = done
    const middle = steps.length - 2
    for (let j = 1; j <= middle; j++)
      this.push(
        j === middle ? done : this.add(start, (used * j) / middle),
        steps[j]!.forward,
        steps[j]!.role,
        j + 1,
        steps[j + 1]!.status,
      )
    const channel = filing.channel
    const handOver =
      channel === 2 ? this.uniform(5, 480) : channel === 3 ? this.uniform(480, 1440) : random() ** 2 * 2400 + 10
    this.returned = this.add(done, handOver)
    this.push(this.returned, steps[steps.length - 1]!.forward, OFFICER, -1, 10)
  }
}

/** The dossier's events and its state at the cut. */
export function generateDossier(ctx: DossierContext, filing: DossierFiling): GeneratedDossier {
  const life = new Life(ctx, filing)
  life.live()
  // times only grow along a dossier's events: what happened by the cut is a prefix
  const { events } = life
  const { cut } = ctx
  let kept = events.length
  while (kept > 1 && events[kept - 1]!.at > cut) kept--
  if (kept < events.length) events.length = kept
  const last = events[kept - 1]!
  const happened = (at: number | null) => at !== null && at <= cut
  const receivedAt = happened(life.received) ? life.received : null
  const resumed = happened(life.resumed)
  const endedAt = last.to === -1 ? last.at : null
  return {
    events,
    status: last.toStatus,
    step: last.to,
    receivedAt,
    dueAt: receivedAt === null ? null : resumed ? life.dueAfter : life.due,
    // an ended dossier is no longer paused (core clears `pausedAt` at a terminal outcome)
    pausedAt: happened(life.paused) && !resumed && endedAt === null ? life.paused : null,
    doneAt: happened(life.done) ? life.done : null,
    returnedAt: happened(life.returned) ? life.returned : null,
    endedAt,
    unitId: unitAfterMoves(ctx.catalogue, filing.unitId, filing.submittedAt, endedAt ?? Number.POSITIVE_INFINITY),
    currentUnitId:
      last.to === -1
        ? null
        : currentUnit(ctx.catalogue, filing, filing.version.steps[last.to]!.unit, filing.submittedAt),
  }
}

/** The unit working a step now: the step's unit reference at filing, moved by the reorganisations since. */
function currentUnit(catalogue: Catalogue, filing: DossierFiling, ref: unknown, since: number): string {
  let id = filing.unitId
  if (ref === 'receiving') id = filing.receivingUnitId
  else if (ref && typeof ref === 'object' && 'up' in ref) {
    let unit = catalogue.byId.get(id)
    while (unit?.parentId && unit.level !== ref.up) unit = catalogue.byId.get(unit.parentId)
    if (unit && unit.level === ref.up) id = unit.id
  } else if (ref && typeof ref === 'object' && 'code' in ref) {
    const day = localDay(since)
    const named = catalogue.units.find((u) => u.code === ref.code && u.from <= day && day < u.to)
    if (named) id = named.id
  }
  return unitAfterMoves(catalogue, id, since, Number.POSITIVE_INFINITY)
}
