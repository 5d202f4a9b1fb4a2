/**
 * The realistic mix of `npm run bench:mix` (test/bench/mix.ts): what citizens and officers ask, weighted per 100
 * requests, drawn in a fixed shuffled order shared by every connection, with the officers' queues kept from what their
 * own lists answered so that their actions mostly find a dossier at the step they work. See test/bench/README.md.
 */

/** The kinds of request the report has a row for. */
export const GROUPS = ['browse', 'form', 'submit', 'track', 'deskList', 'deskOpen', 'deskAct'] as const
export type Group = (typeof GROUPS)[number]

/** One request to send, and what to do with its answer. */
export interface Step {
  group: Group
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Called with the status and the body once answered (keeps receipt codes, PINs, the officers' queues). */
  onDone?: (status: number, body: string) => void
}

/** What the mix needs from the set-up: tokens, codes and bodies read once before the load. */
export interface MixFixtures {
  /** Procedures in force, with their published version (for the validator module's path). */
  procedures: { code: string; version: number }[]
  /** Words citizens type into the catalogue's search box. */
  searches: string[]
  /** Communes a citizen picks from (the catalogue per unit, the unit's contact). */
  communes: string[]
  /** The portal's hashed assets (`/assets/…`) and `index.html`'s ETag (a returning visitor revalidates). */
  assets: string[]
  indexEtag: string
  /** Submission bodies: spread over communes, and to the busy ward (whose officers receive them). */
  submissions: { spread: string[]; busy: string[] }
  /** The procedure the busy ward's officers receive and forward (`receive` and `forward` action keys). */
  actions: { procedure: string; receiveStep: string; receive: string; forwardStep: string; forward: string }
  /** Bearer tokens of the busy ward's receiving officer, specialist and leader. */
  officers: { receiving: string; specialist: string; leader: string }
  /** Receipt codes already in the database (generated dossiers: no PIN known). */
  knownCodes: string[]
}

/** The weights per 100 requests (stated and explained in test/bench/README.md). */
export const WEIGHTS = {
  portalPage: 6,
  asset: 6,
  catalogue: 6,
  catalogueSearch: 7,
  catalogueOfUnit: 5,
  communes: 3,
  procedurePage: 12,
  validator: 6,
  prefill: 2,
  unitContact: 2,
  submitSpread: 6,
  submitBusy: 2,
  track: 14,
  trackWithPin: 6,
  listReceiving: 4,
  listSpecialist: 4,
  listLeader: 2,
  openReceiving: 2,
  openSpecialist: 2,
  openLeader: 1,
  receive: 1,
  forward: 1,
} as const
export type OperationName = keyof typeof WEIGHTS

/** A deterministic pseudo-random source (mulberry32), so every run draws the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Each operation as many times as its weight, shuffled: every 100 consecutive draws hold the mix exactly. */
export function schedule(weights: Record<string, number>, random: () => number): string[] {
  const slots = Object.entries(weights).flatMap(([name, weight]) => Array<string>(weight).fill(name))
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[slots[i], slots[j]] = [slots[j]!, slots[i]!]
  }
  return slots
}

/** Dossiers an officer may act on, learnt from the officer's own lists; each is handed out once. */
export class WorkQueue {
  private readonly items = new Map<string, number>()
  private readonly taken = new Set<string>()
  /** A dossier seen at the step (its version): kept unless it was already handed out. */
  offer(code: string, version: number): void {
    if (this.taken.has(code)) return
    this.items.set(code, version)
    if (this.items.size > 500) this.items.delete(this.items.keys().next().value!)
  }
  /** The oldest dossier offered and not yet handed out. */
  take(): { code: string; version: number } | undefined {
    const next = this.items.entries().next()
    if (next.done) return undefined
    const [code, version] = next.value
    this.items.delete(code)
    this.taken.add(code)
    return { code, version }
  }
  get size(): number {
    return this.items.size
  }
}

/** A bounded list kept uniform over everything offered (reservoir sampling). */
export class Sample<T> {
  private readonly items: T[] = []
  private seen = 0
  constructor(
    private readonly capacity: number,
    private readonly random: () => number,
  ) {}
  add(item: T): void {
    this.seen++
    if (this.items.length < this.capacity) this.items.push(item)
    else {
      const slot = Math.floor(this.random() * this.seen)
      if (slot < this.capacity) this.items[slot] = item
    }
  }
  pick(): T | undefined {
    return this.items[Math.floor(this.random() * this.items.length)]
  }
  get size(): number {
    return this.items.length
  }
}

interface ListItem {
  receiptCode: string
  version: number
  procedure: { code: string }
  step: { key: string } | null
}

/**
 * The mix: `next()` gives the request of the next slot. When an officer has nothing to act on (the queue learnt from
 * the lists is empty), the slot lists the queue instead, and `counters` says how often.
 * @example const mix = createMix(fixtures); const step = mix.next()
 */
export function createMix(fixtures: MixFixtures, random: () => number = seeded(18)) {
  const slots = schedule(WEIGHTS, random) as OperationName[]
  let cursor = 0
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const round = <T>(list: readonly T[]) => {
    let i = 0
    return () => list[i++ % list.length]!
  }
  const tracked = new Sample<{ code: string; pin?: string }>(2000, random)
  for (const code of fixtures.knownCodes) tracked.add({ code })
  const withPin = new Sample<{ code: string; pin: string }>(2000, random)
  const toReceive = new WorkQueue()
  const toForward = new WorkQueue()
  const recent = {
    receiving: new Sample<string>(100, random),
    specialist: new Sample<string>(100, random),
    leader: new Sample<string>(100, random),
  }
  const counters = { received: 0, forwarded: 0, nothingToReceive: 0, nothingToForward: 0 }
  const { actions, officers } = fixtures
  const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })
  const json = { 'content-type': 'application/json' }
  const gzip = { 'accept-encoding': 'gzip, deflate, br' }

  const submitted = (status: number, body: string) => {
    if (status !== 201) return
    const code = /"receiptCode":"([^"]+)"/.exec(body)?.[1]
    const pin = /"pin":"([^"]+)"/.exec(body)?.[1]
    if (!code || !pin) return
    tracked.add({ code, pin })
    withPin.add({ code, pin })
  }
  /** Reads an officer's list: what it may open, and the dossiers at the step it acts on. */
  const listed = (who: keyof typeof recent, queue?: WorkQueue, stepKey?: string) => (status: number, body: string) => {
    if (status !== 200) return
    const { items } = JSON.parse(body) as { items: ListItem[] }
    for (const item of items) {
      recent[who].add(item.receiptCode)
      if (queue && item.procedure.code === actions.procedure && item.step?.key === stepKey)
        queue.offer(item.receiptCode, item.version)
    }
  }
  const desk = (query: string) => `/api/desk/dossiers${query}`
  const receivingLists = round([
    { path: desk(`?queue=reception&procedure=${actions.procedure}`), queue: toReceive, step: actions.receiveStep },
    { path: '/api/desk/counts' },
    { path: desk(`?queue=reception&procedure=${actions.procedure}`), queue: toReceive, step: actions.receiveStep },
    { path: desk('') },
  ])
  const specialistLists = round([
    {
      path: desk(`?mine=1&procedure=${actions.procedure}&step=${actions.forwardStep}`),
      queue: toForward,
      step: actions.forwardStep,
    },
    { path: '/api/desk/counts' },
    {
      path: desk(`?mine=1&procedure=${actions.procedure}&step=${actions.forwardStep}`),
      queue: toForward,
      step: actions.forwardStep,
    },
    { path: desk('?due=overdue') },
  ])
  const leaderLists = round([{ path: desk('?mine=1') }, { path: '/api/desk/counts' }, { path: desk('?due=soon') }])
  const list = (
    who: keyof typeof recent,
    token: string,
    next: () => { path: string; queue?: WorkQueue; step?: string },
  ): Step => {
    const { path, queue, step } = next()
    return {
      group: 'deskList',
      method: 'GET',
      path,
      headers: bearer(token),
      ...(path.startsWith('/api/desk/dossiers') ? { onDone: listed(who, queue, step) } : {}),
    }
  }
  const open = (who: keyof typeof recent, token: string, fallback: () => Step): Step => {
    const code = recent[who].pick()
    if (!code) return fallback()
    return { group: 'deskOpen', method: 'GET', path: desk(`/${encodeURIComponent(code)}`), headers: bearer(token) }
  }
  const act = (
    queue: WorkQueue,
    token: string,
    action: string,
    then: (code: string, body: string) => void,
    fallback: () => Step,
  ): Step => {
    const dossier = queue.take()
    if (!dossier) return fallback()
    return {
      group: 'deskAct',
      method: 'POST',
      path: desk(`/${encodeURIComponent(dossier.code)}/actions/${action}`),
      headers: bearer(token, json),
      body: JSON.stringify({ expectedVersion: dossier.version }),
      onDone: (status, body) => {
        if (status === 200) then(dossier.code, body)
      },
    }
  }
  const procedure = round(fixtures.procedures)
  const searches = round(fixtures.searches)
  const spread = round(fixtures.submissions.spread)
  const busy = round(fixtures.submissions.busy)
  let revisit = 0

  const operations: Record<OperationName, () => Step> = {
    // a returning visitor's browser revalidates index.html (304); a first visit downloads it
    portalPage: () => ({
      group: 'browse',
      method: 'GET',
      path: pick(['/', '/thu-tuc', '/tra-cuu']),
      headers: revisit++ % 2 ? { ...gzip, 'if-none-match': fixtures.indexEtag } : gzip,
    }),
    asset: () => ({ group: 'browse', method: 'GET', path: pick(fixtures.assets), headers: gzip }),
    catalogue: () => ({ group: 'browse', method: 'GET', path: '/api/procedures' }),
    catalogueSearch: () => ({
      group: 'browse',
      method: 'GET',
      path: `/api/procedures?q=${encodeURIComponent(searches())}`,
    }),
    catalogueOfUnit: () => ({
      group: 'browse',
      method: 'GET',
      path: `/api/procedures?unit=${pick(fixtures.communes)}`,
    }),
    communes: () => ({ group: 'browse', method: 'GET', path: '/api/units?level=commune' }),
    procedurePage: () => ({ group: 'browse', method: 'GET', path: `/api/procedures/${procedure().code}` }),
    validator: () => {
      const p = procedure()
      return {
        group: 'form',
        method: 'GET',
        path: `/api/procedures/${p.code}/versions/${p.version}/validator.js`,
        headers: gzip,
      }
    },
    prefill: () => ({
      group: 'form',
      method: 'GET',
      path: `/api/procedures/${actions.procedure}/prefill?unit=${pick(fixtures.communes)}`,
    }),
    unitContact: () => ({
      group: 'form',
      method: 'GET',
      path: `/api/units/${pick(fixtures.communes)}/contact?procedure=${actions.procedure}`,
    }),
    submitSpread: () => ({
      group: 'submit',
      method: 'POST',
      path: '/api/dossiers',
      headers: json,
      body: spread(),
      onDone: submitted,
    }),
    submitBusy: () => ({
      group: 'submit',
      method: 'POST',
      path: '/api/dossiers',
      headers: json,
      body: busy(),
      onDone: submitted,
    }),
    track: () => ({ group: 'track', method: 'GET', path: `/api/track/${encodeURIComponent(tracked.pick()!.code)}` }),
    trackWithPin: () => {
      const dossier = withPin.pick() ?? tracked.pick()!
      return {
        group: 'track',
        method: 'GET',
        path: `/api/track/${encodeURIComponent(dossier.code)}`,
        ...(dossier.pin ? { headers: { 'x-lookup-pin': dossier.pin } } : {}),
      }
    },
    listReceiving: () => list('receiving', officers.receiving, receivingLists),
    listSpecialist: () => list('specialist', officers.specialist, specialistLists),
    listLeader: () => list('leader', officers.leader, leaderLists),
    openReceiving: () => open('receiving', officers.receiving, operations.listReceiving),
    openSpecialist: () => open('specialist', officers.specialist, operations.listSpecialist),
    openLeader: () => open('leader', officers.leader, operations.listLeader),
    // received: the dossier moves to the specialist's step, where the specialist's next list will find it
    receive: () =>
      act(
        toReceive,
        officers.receiving,
        actions.receive,
        (code, body) => {
          counters.received++
          const version = Number(/"version":(\d+)/.exec(body)?.[1])
          if (version) toForward.offer(code, version)
        },
        () => {
          counters.nothingToReceive++
          return operations.listReceiving()
        },
      ),
    forward: () =>
      act(
        toForward,
        officers.specialist,
        actions.forward,
        () => counters.forwarded++,
        () => {
          counters.nothingToForward++
          return operations.listSpecialist()
        },
      ),
  }

  return {
    next: (): Step => operations[slots[cursor++ % slots.length]!](),
    /** Each operation by name (the check before the load sends each once). */
    operations,
    counters,
    queues: { toReceive, toForward },
  }
}
export type Mix = ReturnType<typeof createMix>
