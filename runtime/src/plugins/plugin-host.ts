import type { Db } from '@motcua/db'
import { outbox, pluginSettings } from '@motcua/db'
import type { DossierChange, DossierSnapshot, HookContext, OutboxMessage } from '@motcua/plugin-sdk'
import { and, eq, inArray } from 'drizzle-orm'
import { unitLineage } from '../auth/scope'
import type { LoadedPlugin } from './load-plugins'

export interface PluginHost {
  plugins: Map<string, LoadedPlugin>
  /** The configuration in force for a unit: the nearest setting up its hierarchy; undefined when disabled. */
  configFor(db: Db, slug: string, unitId: string): Promise<Record<string, unknown> | undefined>
  /**
   * Runs every enabled plugin's hook for a dossier change and stores what they return in the outbox,
   * inside the caller's transaction. A hook that throws is recorded (state `dead`, with its error) and
   * never stops the dossier.
   */
  runHooks(tx: Db, input: { unitId: string; dossierId: string; snapshot: DossierSnapshot; change: DossierChange }): Promise<void>
}

/** Composes the loaded plugins with their per-unit settings. */
export function createPluginHost(plugins: Map<string, LoadedPlugin>): PluginHost {
  async function enabledFor(db: Db, unitId: string) {
    if (plugins.size === 0) return new Map<string, Record<string, unknown>>()
    const lineage = await unitLineage(db, unitId) // the unit first, then its parents
    const rows = await db.select().from(pluginSettings).where(and(inArray(pluginSettings.unitId, lineage), inArray(pluginSettings.pluginSlug, [...plugins.keys()])))
    const found = new Map<string, Record<string, unknown>>()
    for (const slug of plugins.keys()) {
      const nearest = lineage.map((id) => rows.find((r) => r.unitId === id && r.pluginSlug === slug)).find((r) => r !== undefined)
      if (nearest?.enabled) found.set(slug, nearest.config as Record<string, unknown>)
    }
    return found
  }

  return {
    plugins,
    configFor: async (db, slug, unitId) => (await enabledFor(db, unitId)).get(slug),
    async runHooks(tx, { unitId, dossierId, snapshot, change }) {
      const rows: (typeof outbox.$inferInsert)[] = []
      for (const [slug, config] of await enabledFor(tx, unitId)) {
        const { hooks } = plugins.get(slug)!.plugin
        const ctx: HookContext<Record<string, unknown>> = { config, unitCode: snapshot.unit.code }
        const run = change.action === 'submit' ? hooks?.onSubmit && (() => hooks.onSubmit!(ctx, snapshot)) : hooks?.afterAction && (() => hooks.afterAction!(ctx, snapshot, change))
        if (!run) continue
        let messages: OutboxMessage[] = []
        try {
          messages = run() ?? []
        } catch (error) {
          rows.push({ topic: 'hook.failed', pluginSlug: slug, dossierId, payload: { action: change.action }, state: 'dead', lastError: `hook threw: ${String((error as Error)?.message ?? error).slice(0, 500)}` })
          continue
        }
        rows.push(...messages.map((m) => ({ topic: m.topic, pluginSlug: slug, dossierId, payload: m.payload ?? null })))
      }
      if (rows.length) await tx.insert(outbox).values(rows)
    },
  }
}

/** Whether a setting for a unit and plugin exists (for the admin API). */
export const settingOf = (db: Db, unitId: string, slug: string) =>
  db.select().from(pluginSettings).where(and(eq(pluginSettings.unitId, unitId), eq(pluginSettings.pluginSlug, slug)))
