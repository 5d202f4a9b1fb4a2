import type { Channel, TransitionEvent } from '@motcua/core'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Seconds: a lookup answers in milliseconds, a submission with its scans in tenths, a PDF or a report in seconds;
 * past 10 s something is wrong, and 30 s is nginx's patience for a slow upstream a few times over.
 */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** What a submission's channel is called in the metrics (1 at the counter, 2 online, 3 by post). */
const channelNames: Record<Channel, string> = { 1: 'counter', 2: 'online', 3: 'post' }

// every action type, so the counter's series exist (at 0) before the first action of each
const actionTypes: Record<TransitionEvent['action'], true> = {
  receive: true,
  forward: true,
  sendBack: true,
  approve: true,
  refuse: true,
  requestSupplement: true,
  requestPayment: true,
  confirmPayment: true,
  extend: true,
  stop: true,
  return: true,
  withdraw: true,
  acceptSupplement: true,
  completeConsultation: true,
}

/** The counters a dossier's writes add to once their transaction committed. */
export interface DossierCounters {
  submitted(channel: Channel): void
  acted(action: TransitionEvent['action']): void
}

/**
 * The instruments of one app (`createApp`), in a registry of its own (never prom-client's global one), so several
 * runtimes in one process (the tests) count apart.
 */
export interface RuntimeMetrics {
  readonly registry: Registry
  readonly http: Histogram<'method' | 'route' | 'status'>
  readonly dossiers: DossierCounters
  readonly database: {
    up: Gauge
    outboxPending: Gauge<'plugin'>
    outboxOldestPending: Gauge<'plugin'>
    outboxDead: Gauge<'plugin'>
    connections: Gauge<'state'>
    connectionsMax: Gauge
  }
  /** Starts the process's own metrics (CPU, memory, event-loop lag, GC) on the first scrape. */
  processMetrics(): void
}

/**
 * The runtime's Prometheus instruments (names start with `motcua_`; Node's own start with `process_` and `nodejs_`).
 * @example const metrics = createRuntimeMetrics(); metrics.dossiers.submitted(2)
 */
export function createRuntimeMetrics(): RuntimeMetrics {
  const registry = new Registry()
  const registers = [registry]
  const http = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern (never the raw path) and status, in seconds',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  })
  const submitted = new Counter({
    name: 'motcua_dossiers_submitted_total',
    help: 'Dossiers filed, by channel (online, counter, post); retries of the same submission are counted once',
    labelNames: ['channel'] as const,
    registers,
  })
  const actions = new Counter({
    name: 'motcua_dossier_actions_total',
    help: 'Actions taken on dossiers by officers and integrations, by action type',
    labelNames: ['action'] as const,
    registers,
  })
  // the series exist from the start at 0, so rate() sees the first dossier rather than a new series
  for (const channel of Object.values(channelNames)) submitted.inc({ channel }, 0)
  for (const action of Object.keys(actionTypes)) actions.inc({ action }, 0)
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers })
  let processStarted = false
  return {
    registry,
    http,
    dossiers: {
      submitted: (channel) => submitted.inc({ channel: channelNames[channel] ?? 'other' }),
      acted: (action) => actions.inc({ action }),
    },
    database: {
      up: gauge(
        'motcua_database_up',
        'Whether the database answered the last scrape within its time limit (1) or not (0)',
      ),
      outboxPending: gauge('motcua_outbox_pending', 'Outbox messages waiting for delivery, by plugin', ['plugin']),
      outboxOldestPending: gauge(
        'motcua_outbox_oldest_pending_seconds',
        'Age of the oldest outbox message waiting for delivery, by plugin',
        ['plugin'],
      ),
      outboxDead: gauge(
        'motcua_outbox_dead',
        'Outbox messages that used up their attempts and wait for an administrator, by plugin',
        ['plugin'],
      ),
      connections: gauge(
        'motcua_database_connections',
        "This process's open PostgreSQL connections, busy (running a query or in a transaction) or idle",
        ['state'],
      ),
      connectionsMax: gauge('motcua_database_connections_max', 'The most database connections this process opens'),
    },
    processMetrics() {
      if (processStarted) return
      processStarted = true
      // each call starts an event-loop delay monitor that is never stopped: once per runtime, when it is scraped
      collectDefaultMetrics({ register: registry })
    },
  }
}
