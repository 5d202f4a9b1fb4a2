/** A bilingual text: Vietnamese first, English second. */
export interface Text {
  vi: string
  en: string
}

/** One fee of a dossier, in đồng. */
export interface FeeLine {
  key: string
  name: string
  amount: number
}

/** A dossier as plugins see it (dates as ISO 8601 strings). */
export interface DossierSnapshot {
  /** Mã hồ sơ, e.g. 000.01.21.H49-251128-0001. */
  receiptCode: string
  procedure: { code: string; name: string; version: number }
  unit: { code: string; name: string; electronicId: string }
  /** 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
  channel: 1 | 2 | 3
  /** National public status 1–10 and its Vietnamese name. */
  status: number
  statusName: string
  currentStep: string | null
  applicant: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string }
  submittedAt: string
  receivedAt: string | null
  dueAt: string | null
  doneAt: string | null
  returnedAt: string | null
  /** The fees fixed at submission: the procedure's rules, then every plugin's `fees` adjustment. */
  fees: FeeLine[]
}

/** One change of a dossier: the event just written to its log. */
export interface DossierChange {
  /** submit, receive, forward, approve, sendBack, refuse, requestSupplement, acceptSupplement, requestPayment, confirmPayment, extend, stop, return, withdraw */
  action: string
  actionKey: string | null
  label: string | null
  fromStatus: number | null
  toStatus: number
  at: string
  note: string | null
  data: Record<string, unknown>
}

/**
 * Something to send to the outside world. A hook only returns messages; the runtime stores them in the outbox
 * and delivers them later through `deliver`, with retries. `topic`: 1–100 characters; `payload`: plain JSON
 * (objects, arrays, strings, finite numbers, booleans, null; no BigInt, Date or cycles), at most 256 KB and 64 deep.
 */
export interface OutboxMessage {
  topic: string
  payload: unknown
}

export interface HookContext<Config> {
  /** This unit's configuration, validated against the plugin's `configSchema`. */
  config: Config
  unitCode: string
}

export interface DeliveryContext<Config> {
  config: Config
  /** Aborted at the delivery's time limit: pass it to fetch. A delivery that ignores it is stopped shortly after. */
  signal: AbortSignal
  /** The plugin's own global `fetch`. */
  fetch: typeof fetch
  attempt: number
}

/** A request to one of the plugin's routes, mounted under `/api/plugins/<slug>/`. */
export interface PluginRequest {
  method: string
  /** The path below the plugin's prefix, e.g. `/dossiers/000.01.21.H49-251128-0001/qr`. */
  path: string
  params: Record<string, string>
  query: Record<string, string>
  /** Only the headers the route declares (lower-case names), plus `content-type`; never `authorization` or `cookie`. */
  headers: Record<string, string>
  /** The raw body text (routes that take JSON parse it themselves). */
  body: string
}

/** A route's answer: `status` an integer 200–599, `json` plain JSON or `html` a string, `headers` strings. */
export interface PluginResponse {
  status: number
  json?: unknown
  html?: string
  headers?: Record<string, string>
}

/** What a route handler may do in the runtime: read a dossier and confirm a payment, nothing more. */
export interface RouteCapabilities<Config> {
  /** The configuration of the dossier's unit, when the plugin is enabled there. */
  findDossier(receiptCode: string): Promise<{ dossier: DossierSnapshot; config: Config } | undefined>
  /** Records that the fee requested from this dossier was paid (the dossier's `confirmPayment` action). */
  confirmPayment(receiptCode: string, payment: { amount: number; reference: string }): Promise<void>
}

/** A route, answered in the plugin's worker within 10 s (503 otherwise). */
export interface PluginRoute<Config> {
  method: 'get' | 'post'
  /** hono-style path below the plugin's prefix, e.g. `/dossiers/:receiptCode/qr`. */
  path: string
  /** The request headers the route reads, e.g. `['x-signature']`; `authorization` and `cookie` are never passed. */
  headers?: string[]
  handle(request: PluginRequest, runtime: RouteCapabilities<Config>): Promise<PluginResponse>
}

/**
 * A plugin: named, configured per unit, contributing hooks, deliveries and routes. The runtime runs it in a worker
 * thread of its own; every call there has a time limit, and a plugin that exceeds it or crashes is restarted.
 */
export interface Plugin<Config = Record<string, unknown>> {
  /** kebab-case, unique, e.g. `national-portal-sync`. */
  slug: string
  name: Text
  description?: Text
  /**
   * JSON Schema (draft-07) of the per-unit configuration, checked when an administrator saves it. Mark secrets
   * (tokens, keys) with `writeOnly: true` on their top-level property: the API never returns them.
   */
  configSchema: Record<string, unknown>
  /**
   * Hooks are synchronous and pure: they only look at their arguments and return a value, within 1 s. Do I/O in
   * `deliver`. A hook that throws, exceeds its limit or returns something of the wrong shape is recorded (visible
   * at `/api/admin/outbox`) and treated as having no opinion.
   */
  hooks?: {
    /** A dossier was filed (any channel). Runs after the dossier is saved, in the outbox, not in the request. */
    onSubmit?(ctx: HookContext<Config>, dossier: DossierSnapshot): OutboxMessage[] | void
    /** An officer's action changed a dossier. Runs after the change is saved, in the outbox. */
    afterAction?(ctx: HookContext<Config>, dossier: DossierSnapshot, change: DossierChange): OutboxMessage[] | void
    /** Before an officer's action: return `{ refuse: { vi, en } }` to stop it, e.g. no result handed over before payment. */
    beforeAction?(
      ctx: HookContext<Config>,
      dossier: DossierSnapshot,
      action: { key: string; type: string },
    ): { refuse: Text } | void
    /**
     * Adjusts the fees the procedure's rules computed for a submission (e.g. a unit's local fee or exemption); each
     * line `{ key, name, amount }` with `amount` a whole, non-negative number of đồng. Fixed with the dossier.
     */
    fees?(
      ctx: HookContext<Config>,
      input: { procedureCode: string; formData: unknown; fees: FeeLine[] },
    ): FeeLine[] | void
  }
  /** Sends one outbox message; throw (or let `signal` abort) to have it retried later. */
  deliver?(message: OutboxMessage & { id: number }, ctx: DeliveryContext<Config>): Promise<void>
  /** The time limit of one `deliver` call in ms, 1000–120000 (default 10000). */
  deliveryTimeoutMs?: number
  routes?: PluginRoute<Config>[]
}
