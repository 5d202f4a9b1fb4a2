import type { PluginRequest } from '@motcua/plugin-sdk'

// The messages between the runtime and a plugin's worker thread (structured clone both ways).

export const HOOK_NAMES = ['onSubmit', 'afterAction', 'onComplete', 'beforeAction', 'fees'] as const
export type HookName = (typeof HOOK_NAMES)[number]

/** What the runtime asks of a plugin. */
export type PluginCall =
  | { kind: 'hook'; hook: HookName; args: unknown[] }
  | {
      kind: 'deliver'
      message: { id: number; topic: string; payload: unknown }
      config: Record<string, unknown>
      attempt: number
      /** The dossier's PIN, for a receipt message only. */
      lookupPin?: string
      /** When the worker aborts the delivery's signal. */
      timeoutMs: number
      /** The request that queued the message (`ctx.requestId`). */
      requestId?: string
    }
  | { kind: 'route'; index: number; request: PluginRequest }
  | {
      kind: 'lookup'
      key: string
      query: { idNumber: string }
      config: Record<string, unknown>
      /** When the worker aborts the lookup's signal. */
      timeoutMs: number
      /** The request the lookup serves (`ctx.requestId`). */
      requestId?: string
    }

/** The runtime's capabilities a route may call back into. */
export type CapabilityName = 'findDossier' | 'confirmPayment'

/** An error as it crosses the thread boundary; `domain` when it is a runtime capability's DomainError. */
export interface CrossedError {
  message: string
  domain?: { code: string; message: { vi: string; en: string } }
}

export type ToWorker =
  | { type: 'call'; id: number; call: PluginCall }
  | { type: 'capability-result'; id: number; ok: true; value: unknown }
  | { type: 'capability-result'; id: number; ok: false; error: CrossedError }

export type FromWorker =
  | { type: 'manifest'; manifest: unknown }
  | { type: 'load-failed'; error: string }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: CrossedError }
  | { type: 'capability'; id: number; callId: number; name: CapabilityName; args: unknown[] }
