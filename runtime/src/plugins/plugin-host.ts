import { type CallOut, DomainError, type DomainErrorCode, type PluginUse } from '@motcua/core'
import { type Db, outbox, pluginSettings } from '@motcua/db'
import type {
  DossierChange,
  DossierSnapshot,
  FeeLine,
  LookupValue,
  PluginRequest,
  PluginResponse,
} from '@motcua/plugin-sdk'
import type { UnitDirectory } from '../units/unit-directory'
import { checkFees, checkLookupAnswer, checkRouteResponse, checkVerdict } from './hook-results'
import type { LoadedPlugin } from './load-plugins'
import { callPlugin } from './plugin-call'
import { resolveSetting, type SettingLayer } from './resolve-setting'
import { type CapabilityHandler, SandboxError, type SandboxFailure } from './sandbox'
import type { HookName } from './sandbox-protocol'
import { declaredFields, withDeclaredForm } from './snapshot'

/** Notified (payload: the plugin slug) when an administrator saves a plugin setting. */
export const PLUGIN_SETTINGS_CHANNEL = 'motcua_plugin_settings'

/** Time limits of plugin calls. */
export interface PluginLimits {
  /** One hook call (default 1000 ms). */
  hookMs: number
  /** One route call (default 10 s). */
  routeMs: number
}

/** A hook's raw result, or why there is none ("took longer than 1000 ms and was stopped"). */
export type HookOutcome = { ok: true; value: unknown } | { ok: false; problem: string; reason: SandboxFailure }

export interface PluginHost {
  plugins: Map<string, LoadedPlugin>
  limits: PluginLimits
  /**
   * The configuration in force for a unit and a procedure (see `resolveSetting`), with the procedure's own `config`
   * for the plugin in its `plugins` laid over (its dossiers' configuration); undefined when off, or when that
   * configuration does not satisfy the plugin's schema.
   */
  configFor(
    db: Db,
    slug: string,
    unitId: string,
    procedureCode: string,
    uses?: readonly PluginUse[],
  ): Promise<Record<string, unknown> | undefined>
  /**
   * Asks every plugin enabled for the dossier's unit and procedure whether an officer's action may go ahead, before its transaction opens: the first
   * refusal stops it with the plugin's message (409). A hook that fails is recorded in a write of its own (kept
   * even when the action is refused) and counts as no opinion. Each plugin sees only the form fields it declared.
   */
  beforeAction(
    db: Db,
    input: {
      unitId: string
      dossierId: string
      snapshot: DossierSnapshot
      /** The dossier's whole form data: each plugin gets only the fields it declared in `reads`. */
      formData: unknown
      action: { key: string; type: string }
      uses?: readonly PluginUse[]
    },
  ): Promise<void>
  /**
   * Refuses (409, naming the plugin) an action that calls out to a plugin not loaded or not enabled for the
   * dossier's unit and procedure: the procedure needs the call-out, so the action waits until an administrator
   * enables it.
   */
  requireCallOut(
    db: Db,
    input: {
      unitId: string
      procedureCode: string
      callOut: CallOut
      uses?: readonly PluginUse[] | undefined
      unitName: string
    },
  ): Promise<void>
  /** The fees after the `fees` hook of every plugin enabled for the unit and procedure, before the submission's transaction (failures recorded). */
  adjustFees(
    db: Db,
    input: {
      unitId: string
      unitCode: string
      procedureCode: string
      formData: unknown
      fees: FeeLine[]
      uses?: readonly PluginUse[]
    },
  ): Promise<FeeLine[]>
  /**
   * In the dossier's transaction: one outbox row (`hook.onSubmit` / `hook.afterAction`, then `hook.onComplete` when
   * the change ended the dossier's processing) per plugin with that hook enabled for the dossier's unit and
   * procedure, each holding the snapshot with only the form fields that plugin declared; then, for an action that
   * calls out, the message `action.<key>` for its plugin. The outbox worker runs the hooks later and stores the
   * messages they return (with the configuration of the dossier's unit and procedure version then), and delivers
   * the call-out.
   */
  queueHooks(
    tx: Db,
    input: {
      unitId: string
      dossierId: string
      snapshot: DossierSnapshot
      /** The dossier's whole form data: each plugin gets only the fields it declared in `reads`. */
      formData: unknown
      change: DossierChange
      uses?: readonly PluginUse[] | undefined
      /** The change ended the dossier's processing (it left its last step). */
      ended?: boolean
      /** The action's call-out, checked by `requireCallOut` before the transaction. */
      callOut?: CallOut
    },
  ): Promise<void>
  /** The snapshot one plugin sees: only the form fields it declared in `reads`. */
  seenBy(slug: string, snapshot: DossierSnapshot, formData: unknown): DossierSnapshot
  /** Calls one hook in the plugin's sandbox within the hook limit. */
  runHook(slug: string, hook: HookName, args: unknown[]): Promise<HookOutcome>
  /**
   * The same host, as part of the request `requestId` (or the outbox message that request queued): the outbox rows
   * it writes keep the id, the calls it makes are logged with it, and lookups and deliveries get it as
   * `ctx.requestId`. The app gives every request its own (`c.var.plugins`).
   */
  forRequest(requestId: string | undefined): PluginHost
  /** Runs one of a plugin's routes in its sandbox; a failure or a bad answer is recorded and becomes a 503. */
  route(
    db: Db,
    slug: string,
    index: number,
    request: PluginRequest,
    onCapability: CapabilityHandler,
  ): Promise<PluginResponse>
  /**
   * Runs one of a plugin's lookups in its sandbox within its `lookupTimeoutMs` (default 5000): the checked fields, or
   * undefined when the register has no such person. A failure, a time-out or an answer outside the declared fields is
   * recorded (topic `lookup.failed`, without the number) and becomes a 503.
   */
  lookup(
    db: Db,
    input: { slug: string; key: string; idNumber: string; config: Record<string, unknown>; unitId: string },
  ): Promise<Record<string, LookupValue> | undefined>
  /** Forget the cached settings (a setting was saved here or, through NOTIFY, elsewhere). */
  invalidate(): void
  /** Stops every plugin's worker. */
  close(): Promise<void>
}

/** A unit's configuration of a plugin with a procedure's own settings for it laid over (its dossiers' config). */
export const overlay = (
  unitConfig: Record<string, unknown>,
  slug: string,
  uses: readonly PluginUse[] | undefined,
): Record<string, unknown> => {
  const own = uses?.find((u) => u.slug === slug)?.config
  return own ? { ...unitConfig, ...own } : unitConfig
}

const DEFAULT_LOOKUP_MS = 5000
// between the plugin's own signal (at its limit) and the worker being stopped from outside
const LOOKUP_GRACE_MS = 500

const DOMAIN_CODES: DomainErrorCode[] = ['CONFLICT', 'NOT_FOUND', 'INVALID_DATA', 'UNPROCESSABLE', 'UNAVAILABLE']

/**
 * Composes the loaded plugins with their settings per unit and procedure. The settings are few and change rarely, so
 * they are read once and kept until a setting is saved: a dossier change then costs no extra query.
 */
export function createPluginHost(
  plugins: Map<string, LoadedPlugin>,
  units: UnitDirectory,
  limits: Partial<PluginLimits> = {},
): PluginHost {
  const { hookMs = 1000, routeMs = 10_000 } = limits
  // every plugin's rows, by plugin
  let cached: Promise<Map<string, SettingLayer[]>> | undefined
  const load = (db: Db) =>
    (cached ??= db
      .select()
      .from(pluginSettings)
      .then((rows) => {
        const bySlug = new Map<string, SettingLayer[]>()
        for (const row of rows) bySlug.set(row.pluginSlug, [...(bySlug.get(row.pluginSlug) ?? []), row])
        return bySlug
      })
      .catch((error: unknown) => {
        cached = undefined
        throw error
      }))

  async function enabledFor(db: Db, unitId: string, procedureCode: string, uses?: readonly PluginUse[]) {
    const found = new Map<string, Record<string, unknown>>()
    if (plugins.size === 0) return found
    const bySlug = await load(db)
    if (bySlug.size === 0) return found
    const lineage = (await units.lineage(unitId)).reverse() // the top first
    for (const [slug, { validateConfig }] of plugins) {
      const rows = bySlug.get(slug)
      const resolved = rows && resolveSetting(rows, lineage, procedureCode)
      if (!resolved?.enabled) continue
      const config = overlay(resolved.config, slug, uses)
      // a setting above changed since, or a schema that grew a required key: not run, and the admin list says so
      if (validateConfig(config).length === 0) found.set(slug, config)
    }
    return found
  }
  const withHook = async (db: Db, unitId: string, procedureCode: string, hook: HookName, uses?: readonly PluginUse[]) =>
    [...(await enabledFor(db, unitId, procedureCode, uses))].filter(([slug]) =>
      plugins.get(slug)!.manifest.hooks.includes(hook),
    )

  async function runHook(
    slug: string,
    hook: HookName,
    args: unknown[],
    requestId: string | undefined,
  ): Promise<HookOutcome> {
    try {
      return {
        ok: true,
        value: await callPlugin(slug, plugins.get(slug)!.sandbox, { kind: 'hook', hook, args }, hookMs, { requestId }),
      }
    } catch (error) {
      if (error instanceof SandboxError) return { ok: false, problem: error.message, reason: error.reason }
      return { ok: false, problem: `failed: ${String(error)}`, reason: 'crashed' }
    }
  }

  // A failure is its own short write, outside the dossier's transaction, so a refusal or a rollback keeps it.
  const record = (db: Db, rows: (typeof outbox.$inferInsert)[]) =>
    rows.length
      ? db
          .insert(outbox)
          .values(rows)
          .then(() => undefined)
      : Promise.resolve()
  const failure = (
    requestId: string | undefined,
    slug: string,
    what: string,
    problem: string,
    where: { unitId?: string; dossierId?: string },
    topic = 'hook.failed',
  ): typeof outbox.$inferInsert => ({
    topic,
    pluginSlug: slug,
    dossierId: where.dossierId ?? null,
    payload: { hook: what, ...(where.unitId ? { unitId: where.unitId } : {}) },
    state: 'dead',
    lastError: `${what} ${problem}`.slice(0, 1000),
    requestId: requestId ?? null,
  })

  const seenBy = (slug: string, snapshot: DossierSnapshot, formData: unknown) =>
    withDeclaredForm(snapshot, plugins.get(slug)?.manifest.reads ?? {}, formData)

  const bind = (requestId: string | undefined): PluginHost => ({
    plugins,
    limits: { hookMs, routeMs },
    seenBy,
    forRequest: bind,
    configFor: async (db, slug, unitId, procedureCode, uses) =>
      (await enabledFor(db, unitId, procedureCode, uses)).get(slug),
    runHook: (slug, hook, args) => runHook(slug, hook, args, requestId),
    async beforeAction(db, { unitId, dossierId, snapshot, formData, action, uses }) {
      const asked = await withHook(db, unitId, snapshot.procedure.code, 'beforeAction', uses)
      if (asked.length === 0) return
      const outcomes = await Promise.all(
        asked.map(async ([slug, config]) => {
          const called = await runHook(
            slug,
            'beforeAction',
            [{ config, unitCode: snapshot.unit.code }, seenBy(slug, snapshot, formData), action],
            requestId,
          )
          const checked = called.ok ? checkVerdict(called.value) : called
          return { slug, checked }
        }),
      )
      await record(
        db,
        outcomes.flatMap(({ slug, checked }) =>
          checked.ok ? [] : [failure(requestId, slug, 'beforeAction', checked.problem, { unitId, dossierId })],
        ),
      )
      for (const { checked } of outcomes)
        if (checked.ok && checked.value) throw new DomainError('CONFLICT', checked.value.refuse)
    },
    async adjustFees(db, { unitId, unitCode, procedureCode, formData, fees, uses }) {
      let adjusted = fees
      const failures: (typeof outbox.$inferInsert)[] = []
      for (const [slug, config] of await withHook(db, unitId, procedureCode, 'fees', uses)) {
        const declared = declaredFields(plugins.get(slug)!.manifest.reads, procedureCode, formData) ?? {}
        const called = await runHook(
          slug,
          'fees',
          [
            { config, unitCode },
            { procedureCode, formData: declared, fees: adjusted },
          ],
          requestId,
        )
        const checked = called.ok ? checkFees(called.value) : called
        if (!checked.ok) failures.push(failure(requestId, slug, 'fees', checked.problem, { unitId }))
        else if (checked.value) adjusted = checked.value
      }
      await record(db, failures)
      return adjusted
    },
    async requireCallOut(db, { unitId, procedureCode, callOut, uses, unitName }) {
      const name = plugins.get(callOut.plugin)?.manifest.name
      if (name && (await enabledFor(db, unitId, procedureCode, uses)).has(callOut.plugin)) return
      throw new DomainError('CONFLICT', {
        vi: `Thao tác này gửi thông tin qua tiện ích "${name?.vi ?? callOut.plugin}", nhưng tiện ích chưa được bật cho ${unitName}. Đề nghị quản trị viên bật tiện ích rồi thực hiện lại.`,
        en: `This action calls out through the plugin "${name?.en ?? callOut.plugin}", which is not enabled for ${unitName}. Ask an administrator to enable it, then retry.`,
      })
    },
    async queueHooks(tx, { unitId, dossierId, snapshot, formData, change, uses, ended, callOut }) {
      const hooks: HookName[] = change.action === 'submit' ? ['onSubmit'] : ['afterAction']
      if (ended) hooks.push('onComplete')
      const rows: (typeof outbox.$inferInsert)[] = []
      // due at the change's own time (the runtime's clock), not the database's, so a simulated clock stays consistent
      const due = new Date(change.at)
      for (const hook of hooks)
        for (const [slug] of await withHook(tx, unitId, snapshot.procedure.code, hook, uses))
          rows.push({
            topic: `hook.${hook}`,
            pluginSlug: slug,
            dossierId,
            payload: { snapshot: seenBy(slug, snapshot, formData), change },
            nextAttemptAt: due,
            requestId: requestId ?? null,
          })
      if (callOut)
        rows.push({
          topic: `action.${callOut.action}`,
          pluginSlug: callOut.plugin,
          dossierId,
          payload: { snapshot: seenBy(callOut.plugin, snapshot, formData), change },
          nextAttemptAt: due,
          requestId: requestId ?? null,
        })
      if (rows.length) await tx.insert(outbox).values(rows)
    },
    async route(db, slug, index, request, onCapability) {
      const { manifest, sandbox } = plugins.get(slug)!
      const declared = manifest.routes[index]!
      const what = `${declared.method.toUpperCase()} ${declared.path}`
      let problem: string
      try {
        const checked = checkRouteResponse(
          await callPlugin(slug, sandbox, { kind: 'route', index, request }, routeMs, { requestId, onCapability }),
        )
        if (checked.ok) return checked.value
        problem = checked.problem
      } catch (error) {
        const domain = error instanceof SandboxError ? error.domain : undefined
        if (domain && DOMAIN_CODES.includes(domain.code as DomainErrorCode))
          throw new DomainError(domain.code as DomainErrorCode, domain.message)
        problem = error instanceof SandboxError ? error.message : `failed: ${String(error)}`
      }
      await record(db, [failure(requestId, slug, what, problem, {}, 'route.failed')])
      throw new DomainError('UNAVAILABLE', {
        vi: `Tiện ích "${manifest.name.vi}" đang không phản hồi. Vui lòng thử lại sau ít phút.`,
        en: `The plugin "${manifest.name.en}" is not answering. Please try again in a few minutes.`,
      })
    },
    async lookup(db, { slug, key, idNumber, config, unitId }) {
      const { manifest, sandbox } = plugins.get(slug)!
      const declared = manifest.lookups[key]!
      const timeoutMs = manifest.lookupTimeoutMs ?? DEFAULT_LOOKUP_MS
      let problem: string
      try {
        // the sandbox stops the worker shortly after the plugin's own signal fires, should it ignore it
        const value = await callPlugin(
          slug,
          sandbox,
          { kind: 'lookup', key, query: { idNumber }, config, timeoutMs },
          timeoutMs + LOOKUP_GRACE_MS,
          { requestId },
        )
        const checked = checkLookupAnswer(value, Object.keys(declared.returns))
        if (checked.ok) return checked.value
        problem = checked.problem
      } catch (error) {
        problem = error instanceof SandboxError ? error.message : `failed: ${String(error)}`
      }
      await record(db, [
        failure(requestId, slug, `lookup ${key}`, problem.replaceAll(idNumber, '…'), { unitId }, 'lookup.failed'),
      ])
      throw new DomainError('UNAVAILABLE', {
        vi: `Chưa tra cứu được "${declared.name.vi}": hệ thống tra cứu đang không phản hồi. Vui lòng thử lại sau ít phút hoặc tự điền tờ khai.`,
        en: `The lookup "${declared.name.en}" is not answering. Try again in a few minutes or fill in the form yourself.`,
      })
    },
    invalidate: () => {
      cached = undefined
    },
    async close() {
      await Promise.all([...plugins.values()].map((p) => p.sandbox.close()))
    },
  })
  return bind(undefined)
}
