import { DomainError } from '@motcua/core'
import { type Db, outbox, pluginSettings } from '@motcua/db'
import type { DossierChange, DossierSnapshot, FeeLine, HookContext, OutboxMessage } from '@motcua/plugin-sdk'
import type { UnitDirectory } from '../units/unit-directory'
import type { LoadedPlugin } from './load-plugins'

/** Notified (payload: the plugin slug) when an administrator saves a plugin setting. */
export const PLUGIN_SETTINGS_CHANNEL = 'motcua_plugin_settings'

export interface PluginHost {
  plugins: Map<string, LoadedPlugin>
  /** The configuration in force for a unit: the nearest setting up its hierarchy; undefined when disabled. */
  configFor(db: Db, slug: string, unitId: string): Promise<Record<string, unknown> | undefined>
  /**
   * Runs every enabled plugin's hook for a dossier change and stores what they return in the outbox,
   * inside the caller's transaction. A hook that throws is recorded (state `dead`, with its error) and
   * never stops the dossier.
   */
  runHooks(
    tx: Db,
    input: { unitId: string; dossierId: string; snapshot: DossierSnapshot; change: DossierChange },
  ): Promise<void>
  /**
   * Asks every enabled plugin whether an officer's action may go ahead: the first refusal stops it with the
   * plugin's message (409). A hook that throws is recorded and does not block the dossier.
   */
  beforeAction(
    tx: Db,
    input: { unitId: string; dossierId: string; snapshot: DossierSnapshot; action: { key: string; type: string } },
  ): Promise<void>
  /** The fees after every enabled plugin's `fees` hook (one that throws is skipped and recorded). */
  adjustFees(
    tx: Db,
    input: {
      unitId: string
      unitCode: string
      dossierId: string
      procedureCode: string
      formData: unknown
      fees: FeeLine[]
    },
  ): Promise<FeeLine[]>
  /** Forget the cached settings (a setting was saved here or, through NOTIFY, elsewhere). */
  invalidate(): void
}

/**
 * Composes the loaded plugins with their per-unit settings. The settings are few and change rarely, so
 * they are read once and kept until a setting is saved: a dossier change then costs no extra query.
 */
export function createPluginHost(plugins: Map<string, LoadedPlugin>, units: UnitDirectory): PluginHost {
  let cached: Promise<(typeof pluginSettings.$inferSelect)[]> | undefined
  const load = (db: Db) =>
    (cached ??= db
      .select()
      .from(pluginSettings)
      .catch((error: unknown) => {
        cached = undefined
        throw error
      }))

  async function enabledFor(db: Db, unitId: string) {
    if (plugins.size === 0) return new Map<string, Record<string, unknown>>()
    const rows = await load(db)
    if (rows.length === 0) return new Map<string, Record<string, unknown>>()
    const lineage = await units.lineage(unitId) // the unit first, then its parents
    const found = new Map<string, Record<string, unknown>>()
    for (const slug of plugins.keys()) {
      const nearest = lineage
        .map((id) => rows.find((r) => r.unitId === id && r.pluginSlug === slug))
        .find((r) => r !== undefined)
      if (nearest?.enabled) found.set(slug, nearest.config as Record<string, unknown>)
    }
    return found
  }

  const failed = (slug: string, dossierId: string, hook: string, error: unknown): typeof outbox.$inferInsert => ({
    topic: 'hook.failed',
    pluginSlug: slug,
    dossierId,
    payload: { hook },
    state: 'dead',
    lastError: `hook threw: ${String((error as Error)?.message ?? error).slice(0, 500)}`,
  })

  return {
    plugins,
    async beforeAction(tx, { unitId, dossierId, snapshot, action }) {
      const failures: (typeof outbox.$inferInsert)[] = []
      try {
        for (const [slug, config] of await enabledFor(tx, unitId)) {
          const hook = plugins.get(slug)!.plugin.hooks?.beforeAction
          if (!hook) continue
          let verdict: { refuse: { vi: string; en: string } } | void
          try {
            verdict = hook({ config, unitCode: snapshot.unit.code }, snapshot, action)
          } catch (error) {
            failures.push(failed(slug, dossierId, 'beforeAction', error))
            continue
          }
          if (verdict?.refuse) throw new DomainError('CONFLICT', verdict.refuse)
        }
      } finally {
        if (failures.length) await tx.insert(outbox).values(failures)
      }
    },
    async adjustFees(tx, { unitId, unitCode, dossierId, procedureCode, formData, fees }) {
      let adjusted = fees
      for (const [slug, config] of await enabledFor(tx, unitId)) {
        const hook = plugins.get(slug)!.plugin.hooks?.fees
        if (!hook) continue
        try {
          const result = hook({ config, unitCode }, { procedureCode, formData, fees: adjusted })
          if (result && result.every((f) => typeof f.key === 'string' && Number.isInteger(f.amount) && f.amount >= 0))
            adjusted = result
        } catch (error) {
          await tx.insert(outbox).values(failed(slug, dossierId, 'fees', error))
        }
      }
      return adjusted
    },
    invalidate: () => {
      cached = undefined
    },
    configFor: async (db, slug, unitId) => (await enabledFor(db, unitId)).get(slug),
    async runHooks(tx, { unitId, dossierId, snapshot, change }) {
      const rows: (typeof outbox.$inferInsert)[] = []
      for (const [slug, config] of await enabledFor(tx, unitId)) {
        const { hooks } = plugins.get(slug)!.plugin
        const ctx: HookContext<Record<string, unknown>> = { config, unitCode: snapshot.unit.code }
        const run =
          change.action === 'submit'
            ? hooks?.onSubmit && (() => hooks.onSubmit!(ctx, snapshot))
            : hooks?.afterAction && (() => hooks.afterAction!(ctx, snapshot, change))
        if (!run) continue
        let messages: OutboxMessage[] = []
        try {
          messages = run() ?? []
        } catch (error) {
          rows.push(failed(slug, dossierId, change.action === 'submit' ? 'onSubmit' : 'afterAction', error))
          continue
        }
        rows.push(...messages.map((m) => ({ topic: m.topic, pluginSlug: slug, dossierId, payload: m.payload ?? null })))
      }
      if (rows.length) await tx.insert(outbox).values(rows)
    },
  }
}
