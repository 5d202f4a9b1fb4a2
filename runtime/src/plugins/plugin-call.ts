import { log } from '../log'
import { type CapabilityHandler, type PluginSandbox, SandboxError } from './sandbox'
import type { PluginCall } from './sandbox-protocol'

/** What a log line may say of a call: its kind and name, the outbox message's id and attempt, never its data. */
const described = (slug: string, call: PluginCall, requestId: string | undefined): Record<string, unknown> => ({
  ...(requestId ? { requestId } : {}),
  plugin: slug,
  call: call.kind,
  ...(call.kind === 'hook' ? { hook: call.hook } : {}),
  ...(call.kind === 'lookup' ? { lookup: call.key } : {}),
  ...(call.kind === 'route' ? { route: call.index } : {}),
  ...(call.kind === 'deliver' ? { outboxId: call.message.id, topic: call.message.topic, attempt: call.attempt } : {}),
})

/**
 * Calls a plugin in its sandbox as part of the request `requestId` (or the outbox message it queued): a delivery or
 * a lookup is given the id (`ctx.requestId`, to correlate the plugin's own outside calls), and the call is logged
 * with it: at debug level when it answers, at warn level with the reason (threw, timeout, crashed, busy,
 * unavailable) when it fails; never the plugin's own message, which may quote the data it was given.
 */
export async function callPlugin(
  slug: string,
  sandbox: PluginSandbox,
  call: PluginCall,
  timeoutMs: number,
  { requestId, onCapability }: { requestId?: string | undefined; onCapability?: CapabilityHandler } = {},
): Promise<unknown> {
  const sent = requestId && (call.kind === 'deliver' || call.kind === 'lookup') ? { ...call, requestId } : call
  const started = performance.now()
  const ms = () => Math.round((performance.now() - started) * 10) / 10
  try {
    const value = await sandbox.call(sent, timeoutMs, onCapability)
    log('plugin call', { ...described(slug, call, requestId), ms: ms() }, 'debug')
    return value
  } catch (error) {
    // a runtime capability's refusal (a 409 a route passes on) is an answer, not a failure of the plugin
    if (!(error instanceof SandboxError && error.domain))
      log(
        'plugin call failed',
        {
          ...described(slug, call, requestId),
          reason: error instanceof SandboxError ? error.reason : 'crashed',
          ms: ms(),
        },
        'warn',
      )
    throw error
  }
}
