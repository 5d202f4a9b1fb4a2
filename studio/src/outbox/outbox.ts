import { api, type Message } from '@motcua/web-kit'

export const STATES = ['dead', 'pending', 'delivered', 'discarded'] as const
export type OutboxState = (typeof STATES)[number]
export type OutboxAction = 'requeue' | 'discard'

/** A message to the outside world, as `GET /api/admin/outbox` lists it. */
export interface OutboxMessage {
  id: number
  plugin: string | null
  topic: string
  receiptCode: string | null
  state: OutboxState
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
  /** The request that queued it (`X-Request-Id`): its log lines carry it. */
  requestId: string | null
}

export interface OutboxCount {
  plugin: string | null
  state: OutboxState
  count: number
}

export interface OutboxFilter {
  plugin: string
  state: OutboxState | ''
}

/** A page size the list asks for; older messages come with "Xem thêm". */
export const PAGE = 50

/** One page of messages, newest first, older than `before` when given. */
export function listMessages(filter: OutboxFilter, before?: number): Promise<OutboxMessage[]> {
  const query = new URLSearchParams({ limit: String(PAGE) })
  if (filter.plugin) query.set('plugin', filter.plugin)
  if (filter.state) query.set('state', filter.state)
  if (before) query.set('before', String(before))
  return api<OutboxMessage[]>(`/api/admin/outbox?${query}`)
}

export const loadSummary = () => api<OutboxCount[]>('/api/admin/outbox/summary')
export const loadPlugins = () => api<{ slug: string; name: Message }[]>('/api/admin/plugins')

/** Requeues or discards dead messages: the listed ids (all or none), or every dead message of a plugin. */
export const changeMessages = (action: OutboxAction, target: { ids: number[] } | { plugin: string }) =>
  api<{ count: number }>(`/api/admin/outbox/${action}`, { method: 'POST', body: target })
