import postgres from 'postgres'

/** Receives a channel's payload, or `null` when notifications may have been missed (see {@link Notifications}). */
export type OnNotification = (payload: string | null) => void

export interface Notifications {
  /** Subscribes; the first subscriber of a channel waits for its `LISTEN`. Returns the unsubscribe. */
  listen(channel: string, onPayload: OnNotification): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** Waits between attempts to subscribe again while the server is unreachable: doubling from the first to the last. */
const RETRY_MS = { first: 250, last: 4000 }

const quoted = (channel: string) => `"${channel.replace(/"/g, '""')}"`

/**
 * `LISTEN` on one dedicated PostgreSQL connection that outlives the server going away. postgres.js's own `listen`
 * tries to subscribe again once when its connection closes and gives up for good if the server is still down;
 * this one keeps trying, and once subscribed again tells every subscriber with a `null` payload, since what was
 * notified meanwhile is lost (a cache must be dropped).
 * @example const notifications = openNotifications(url); await notifications.listen('channel', (p) => …)
 */
export function openNotifications(url: string): Notifications {
  const subscribers = new Map<string, Set<OnNotification>>()
  let closing = false
  /** The connection closed since the last subscription: the server may have dropped the `LISTEN`s. */
  let lost = false
  let resubscribing = false
  let retry: ReturnType<typeof setTimeout> | undefined
  let wait = RETRY_MS.first

  const notify = (channel: string, payload: string | null) => {
    for (const onPayload of subscribers.get(channel) ?? []) onPayload(payload)
  }

  const client = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    onclose: () => {
      lost = true
      scheduleResubscribe()
    },
    // not in postgres.js's types, but the option its own `listen` uses
    ...({ onnotify: (channel: string, payload: string) => notify(channel, payload) } as object),
  })

  function scheduleResubscribe(): void {
    if (closing || retry || resubscribing || subscribers.size === 0) return
    retry = setTimeout(resubscribe, wait)
    wait = Math.min(wait * 2, RETRY_MS.last)
  }

  async function resubscribe(): Promise<void> {
    retry = undefined
    resubscribing = true
    lost = false
    try {
      const channels = [...subscribers.keys()]
      for (const channel of channels) await client.unsafe(`listen ${quoted(channel)}`)
      wait = RETRY_MS.first
      for (const channel of channels) notify(channel, null)
    } catch {
      lost = true // the server is still away
    } finally {
      resubscribing = false
    }
    if (lost) scheduleResubscribe()
  }

  return {
    async listen(channel, onPayload) {
      const known = subscribers.get(channel)
      if (known) known.add(onPayload)
      else {
        subscribers.set(channel, new Set([onPayload]))
        try {
          await client.unsafe(`listen ${quoted(channel)}`)
        } catch (error) {
          subscribers.delete(channel)
          throw error
        }
      }
      return async () => {
        const set = subscribers.get(channel)
        if (!set?.delete(onPayload) || set.size > 0) return
        subscribers.delete(channel)
        if (!closing) await client.unsafe(`unlisten ${quoted(channel)}`).catch(() => {})
      }
    },
    async close() {
      closing = true
      clearTimeout(retry)
      await client.end({ timeout: 5 })
    },
  }
}
