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

/**
 * The form data types of the procedures a plugin reads, by procedure code, e.g. `{ 'dang-ky-khai-sinh':
 * DangKyKhaiSinhForm }` (generate them with `motcua types procedures --out src/forms`).
 */
export type FormShapes = Record<string, object>

/** The forms of a plugin that declares no types: any procedure, any field. */
export type AnyForms = Record<string, Record<string, unknown>>

/**
 * The top-level form fields a plugin reads, per procedure code: a dossier's snapshot carries only these (nothing of
 * the form when the plugin declares none). An unknown procedure or field is a compile error with typed forms.
 * @example reads: { 'cap-giay-phep-xay-dung-nha-o-rieng-le': ['cong_trinh', 'dia_diem'] }
 */
export type FormReads<Forms extends FormShapes = AnyForms> = {
  readonly [P in keyof Forms & string]?: readonly (keyof Forms[P] & string)[]
}

/** The declared fields of one dossier's form, narrowed by `procedure`: `if (form?.procedure === 'x') form.data.y`. */
export type FormSnapshot<Forms extends FormShapes = AnyForms> = {
  [P in keyof Forms & string]: { procedure: P; data: Partial<Forms[P]> }
}[keyof Forms & string]

/** A dossier as plugins see it (dates as ISO 8601 strings). */
export interface DossierSnapshot<Forms extends FormShapes = AnyForms> {
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
  /** The form fields the plugin declared in `reads` for this procedure; null when it declared none. */
  form: FormSnapshot<Forms> | null
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
  /**
   * The configuration in force for the dossier's unit and procedure: the settings down the unit tree (each level's
   * partial override laid over the one above, a procedure's own setting over the unit's), then the procedure
   * definition's `plugins[].config`; validated against the plugin's `configSchema`.
   */
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
  /**
   * The dossier's lookup PIN, for a message of topic `RECEIPT_TOPIC` only (returned by `onSubmit`): put it in the
   * text sent to the applicant, never in an error message or a log.
   */
  lookupPin?: string
  /**
   * The id of the request that queued the message (`X-Request-Id`), when there was one: send it on (e.g. as your
   * own `X-Request-Id` header) so the outside system's records can be matched with the runtime's log. It says
   * nothing about the applicant.
   */
  requestId?: string
}

/** What a lookup's `run` gets: the configuration in force and, like a delivery, a signal and `fetch`. */
export interface LookupContext<Config> {
  config: Config
  /** Aborted at the lookup's time limit (`lookupTimeoutMs`): pass it to fetch. */
  signal: AbortSignal
  fetch: typeof fetch
  /** The id of the request the lookup serves (`X-Request-Id`): send it on to correlate the register's records. */
  requestId?: string
}

/** A value a lookup returns for one field. */
export type LookupValue = string | number | boolean | null

/**
 * Pre-fill from an outside register: the portal shows `consent` to the signed-in citizen, who types a căn cước
 * number and agrees; the runtime runs `run` in the plugin's worker (time-limited) and fills the form fields a
 * procedure maps onto `returns` (`plugins: [{ slug, prefill: { lookup, fields } }]` in its definition).
 */
export interface Lookup<Config> {
  name: Text
  /** What the citizen agrees to, shown before the lookup, e.g. "Tôi đồng ý để hệ thống tra cứu …". */
  consent: Text
  /** The fields it may return, each with its label (what a procedure maps onto its form). */
  returns: Record<string, Text>
  /** One person by căn cước number (12 digits); `undefined` when the register has no such person. Throw on failure. */
  run(query: { idNumber: string }, ctx: LookupContext<Config>): Promise<Record<string, LookupValue> | undefined>
}

/**
 * A format a form field may use (`"format": "<name>"`): a regular expression (Unicode, at most 500 characters,
 * checked in the browser and on the server alike) and the message shown when a value does not match.
 */
export interface FormatContribution {
  pattern: string
  message: Text
  /** A valid value, shown to administrators in the studio. */
  example?: string
}

/**
 * A widget a form field may use (`"ui:widget": "<name>"` in the form's uiSchema): a text input with these
 * properties. Declarative: no plugin code runs in the browser.
 */
export interface WidgetContribution {
  name: Text
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url'
  autoComplete?: string
  placeholder?: Text
  maxLength?: number
}

/**
 * A step action that calls out: a procedure's action names it (`callOut: { plugin, action }`); taking the action
 * queues a message `{ topic: 'action.<key>', payload: { snapshot, change } }` for `deliver` in the same
 * transaction, delivered with the plugin's retry policy.
 */
export interface ActionContribution {
  name: Text
  description?: Text
}

/** How the outbox retries a plugin's failed deliveries. */
export interface RetryPolicy {
  /** Attempts before a message is `dead` (1–20, default 8). */
  attempts?: number
  /** The first retry's delay in ms; each further one doubles, up to an hour (1000–3600000, default 5000). */
  backoffMs?: number
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
export interface Plugin<Config = Record<string, unknown>, Forms extends FormShapes = AnyForms> {
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
    onSubmit?(ctx: HookContext<Config>, dossier: DossierSnapshot<Forms>): OutboxMessage[] | void
    /** An officer's action changed a dossier. Runs after the change is saved, in the outbox. */
    afterAction?(
      ctx: HookContext<Config>,
      dossier: DossierSnapshot<Forms>,
      change: DossierChange,
    ): OutboxMessage[] | void
    /**
     * The dossier's processing ended (result returned, refused, withdrawn or stopped: it left its last step). Runs
     * after the change is saved, in the outbox, after that change's `afterAction`.
     */
    onComplete?(
      ctx: HookContext<Config>,
      dossier: DossierSnapshot<Forms>,
      change: DossierChange,
    ): OutboxMessage[] | void
    /** Before an officer's action: return `{ refuse: { vi, en } }` to stop it, e.g. no result handed over before payment. */
    beforeAction?(
      ctx: HookContext<Config>,
      dossier: DossierSnapshot<Forms>,
      action: { key: string; type: string },
    ): { refuse: Text } | void
    /**
     * Adjusts the fees the procedure's rules computed for a submission (e.g. a unit's local fee or exemption); each
     * line `{ key, name, amount }` with `amount` a whole, non-negative number of đồng. Fixed with the dossier.
     * `formData` holds only the top-level fields the plugin declared in `reads` for the procedure (`{}` when none).
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
  /** How failed deliveries are retried (default 8 attempts, first retry after 5 s). */
  retry?: RetryPolicy
  /**
   * The channel on which this plugin sends applicants their receipt code and lookup PIN (`RECEIPT_TOPIC` messages
   * returned by `onSubmit`). Only a plugin declaring it is given the PIN, and the studio's "Tiện ích" page says so.
   */
  sendsReceipt?: 'sms' | 'email'
  routes?: PluginRoute<Config>[]
  /** The form fields the plugin's hooks see, per procedure code (`dossier.form`); none when absent. */
  reads?: FormReads<Forms>
  /** Pre-fill sources, by key (kebab-case); a procedure maps one onto its form. */
  lookups?: Record<string, Lookup<Config>>
  /** The time limit of one lookup in ms, 1000–30000 (default 5000). */
  lookupTimeoutMs?: number
  /** Form formats, by name (kebab-case, unique across plugins and motcua's own). */
  formats?: Record<string, FormatContribution>
  /** Form widgets, by name (kebab-case, unique across plugins and motcua's own). */
  widgets?: Record<string, WidgetContribution>
  /** Step actions that call out through the outbox, by key (kebab-case). */
  actions?: Record<string, ActionContribution>
}
