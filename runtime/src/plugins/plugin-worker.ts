/**
 * A plugin's worker thread: imports the plugin module (never imported in the runtime's own thread), reports its
 * manifest, then answers the runtime's calls. The runtime enforces every call's time limit from outside, by
 * terminating this thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { DeliveryContext, Lookup, LookupContext, Plugin, PluginRoute, RouteCapabilities } from '@motcua/plugin-sdk'
import type { CapabilityName, CrossedError, FromWorker, PluginCall, ToWorker } from './sandbox-protocol'

type AnyPlugin = Plugin<Record<string, unknown>>

const port = parentPort!
const { source } = workerData as { source: string }
const post = (message: FromWorker) => port.postMessage(message)

function crossed(error: unknown): CrossedError {
  const e = error as { message?: unknown; domain?: CrossedError['domain'] } | undefined
  const message = String(e?.message ?? error).slice(0, 500)
  return e?.domain ? { message, domain: e.domain } : { message }
}

const isThenable = (value: unknown) =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function'

// What the runtime needs to know without calling anything; the runtime checks every field.
function manifestOf(plugin: AnyPlugin) {
  const hooks = plugin?.hooks && typeof plugin.hooks === 'object' ? plugin.hooks : {}
  const routes: unknown[] = Array.isArray(plugin?.routes) ? plugin.routes : []
  const lookups: Record<string, unknown> =
    plugin?.lookups && typeof plugin.lookups === 'object' ? (plugin.lookups as Record<string, unknown>) : {}
  return {
    reads: plugin?.reads,
    lookups: Object.fromEntries(
      Object.entries(lookups).map(([key, l]) => {
        const lookup = l as Partial<Lookup<unknown>> | undefined
        return [
          key,
          {
            name: lookup?.name,
            consent: lookup?.consent,
            returns: lookup?.returns,
            runs: typeof lookup?.run === 'function',
          },
        ]
      }),
    ),
    lookupTimeoutMs: plugin?.lookupTimeoutMs,
    formats: plugin?.formats,
    widgets: plugin?.widgets,
    actions: plugin?.actions,
    retry: plugin?.retry,
    slug: plugin?.slug,
    name: plugin?.name,
    description: plugin?.description,
    configSchema: plugin?.configSchema,
    hooks: Object.keys(hooks).filter((k) => typeof (hooks as Record<string, unknown>)[k] === 'function'),
    deliver: typeof plugin?.deliver === 'function',
    deliveryTimeoutMs: plugin?.deliveryTimeoutMs,
    sendsReceipt: plugin?.sendsReceipt,
    routes: routes.map((r) => {
      const route = r as Partial<PluginRoute<unknown>> | undefined
      return {
        method: route?.method,
        path: route?.path,
        headers: route?.headers ?? [],
        handles: typeof route?.handle === 'function',
      }
    }),
  }
}

let plugin: AnyPlugin
const capabilityCalls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
let nextCapabilityId = 1

function capabilities(callId: number): RouteCapabilities<Record<string, unknown>> {
  const ask = (name: CapabilityName, args: unknown[]) =>
    new Promise<never>((resolve, reject) => {
      const id = nextCapabilityId++
      capabilityCalls.set(id, { resolve: resolve as (value: unknown) => void, reject })
      post({ type: 'capability', id, callId, name, args })
    })
  return {
    findDossier: (receiptCode) => ask('findDossier', [receiptCode]),
    confirmPayment: (receiptCode, payment) => ask('confirmPayment', [receiptCode, payment]),
  }
}

async function run(id: number, call: PluginCall): Promise<unknown> {
  if (call.kind === 'hook') {
    const hook = plugin.hooks?.[call.hook] as ((...args: unknown[]) => unknown) | undefined
    if (typeof hook !== 'function') throw new Error(`has no ${call.hook} hook`)
    const value = hook(...call.args)
    if (isThenable(value)) {
      ;(value as Promise<unknown>).then(undefined, () => {}) // its rejection is not ours to crash on
      throw new Error('returned a Promise: hooks are synchronous and pure; do I/O in deliver')
    }
    return value
  }
  if (call.kind === 'deliver') {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${call.timeoutMs} ms`)), call.timeoutMs)
    try {
      const ctx: DeliveryContext<Record<string, unknown>> = {
        config: call.config,
        signal: controller.signal,
        fetch: globalThis.fetch,
        attempt: call.attempt,
        ...(call.lookupPin ? { lookupPin: call.lookupPin } : {}),
        ...(call.requestId ? { requestId: call.requestId } : {}),
      }
      await plugin.deliver!(call.message, ctx)
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }
  if (call.kind === 'lookup') {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${call.timeoutMs} ms`)), call.timeoutMs)
    try {
      const ctx: LookupContext<Record<string, unknown>> = {
        config: call.config,
        signal: controller.signal,
        fetch: globalThis.fetch,
        ...(call.requestId ? { requestId: call.requestId } : {}),
      }
      return await plugin.lookups![call.key]!.run(call.query, ctx)
    } finally {
      clearTimeout(timer)
    }
  }
  const route = plugin.routes![call.index]!
  return route.handle(call.request, capabilities(id))
}

async function answer(id: number, call: PluginCall) {
  let result: FromWorker
  try {
    result = { type: 'result', id, ok: true, value: await run(id, call) }
  } catch (error) {
    result = { type: 'result', id, ok: false, error: crossed(error) }
  }
  try {
    post(result)
  } catch (error) {
    // a function, a symbol or a Promise inside the value: it cannot cross to the runtime
    post({
      type: 'result',
      id,
      ok: false,
      error: { message: `returned a value that is not plain data (${crossed(error).message})` },
    })
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    void answer(message.id, message.call)
    return
  }
  const pending = capabilityCalls.get(message.id)
  if (!pending) return
  capabilityCalls.delete(message.id)
  if (message.ok) pending.resolve(message.value)
  else pending.reject(Object.assign(new Error(message.error.message), { domain: message.error.domain }))
})

try {
  const module = (await import(source)) as { default?: unknown }
  plugin = module.default as AnyPlugin
  try {
    post({ type: 'manifest', manifest: manifestOf(plugin) })
  } catch (error) {
    post({ type: 'load-failed', error: `its definition is not plain data (${crossed(error).message})` })
  }
} catch (error) {
  post({ type: 'load-failed', error: crossed(error).message })
}
