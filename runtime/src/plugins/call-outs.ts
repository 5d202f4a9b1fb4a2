import type { Message } from '@motcua/core'
import { type Db, outbox } from '@motcua/db'
import { and, asc, eq, like } from 'drizzle-orm'
import type { PluginHost } from './plugin-host'

/** A step action's call-out to a plugin, as officers see it in the dossier's history (never the payload). */
export interface CallOutView {
  plugin: Message
  action: Message
  /** pending (queued or being retried), delivered, dead (given up: an administrator may requeue it). */
  state: string
  attempts: number
  queuedAt: Date
  deliveredAt: Date | null
}

/** The dossier's call-outs (`action.<key>` messages of the outbox), oldest first. */
export async function callOutsOf(db: Db, host: Pick<PluginHost, 'plugins'>, dossierId: string): Promise<CallOutView[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.dossierId, dossierId), like(outbox.topic, 'action.%')))
    .orderBy(asc(outbox.id))
  return rows.map((row) => {
    const slug = row.pluginSlug ?? ''
    const key = row.topic.slice('action.'.length)
    const manifest = host.plugins.get(slug)?.manifest
    return {
      plugin: manifest?.name ?? { vi: slug, en: slug },
      action: manifest?.actions[key]?.name ?? { vi: key, en: key },
      state: row.state,
      attempts: row.attempts,
      queuedAt: row.createdAt,
      deliveredAt: row.deliveredAt,
    }
  })
}
