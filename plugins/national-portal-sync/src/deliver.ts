import type { DeliveryContext } from '@motcua/plugin-sdk'
import type { Config } from './config'

/** The plugin's configuration (generated from config.schema.json). */
export type NationalPortalConfig = Config

/** The portal answered, but not with a 2xx: retried later by the outbox. */
export class NationalPortalError extends Error {
  override name = 'NationalPortalError'
  constructor(
    readonly status: number,
    readonly bodyExcerpt: string,
  ) {
    super(`The national portal answered HTTP ${status}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}`)
  }
}

const EXCERPT_LENGTH = 200

// A portal or gateway may echo the request back; the token must never reach the outbox's error column.
function excerpt(body: string, token: string | undefined): string {
  let text = body.replace(/\s+/g, ' ').trim()
  if (token) text = text.split(token).join('***')
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text
}

/**
 * POSTs one payload as JSON to the configured URL; throws on a network error, an abort or a non-2xx answer.
 * @example await postToPortal({ MaHoSo: '000.01.21.H49-251128-0001' }, ctx)
 */
export async function postToPortal(payload: unknown, ctx: DeliveryContext<NationalPortalConfig>): Promise<void> {
  const { config } = ctx
  const signal = config.timeoutMs ? AbortSignal.any([ctx.signal, AbortSignal.timeout(config.timeoutMs)]) : ctx.signal
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    accept: 'application/json',
  }
  if (config.token) headers.authorization = `Bearer ${config.token}`
  const response = await ctx.fetch(config.url, { method: 'POST', headers, body: JSON.stringify(payload), signal })
  if (response.ok) {
    await response.body?.cancel()
    return
  }
  const body = await response.text().catch(() => '')
  throw new NationalPortalError(response.status, excerpt(body, config.token))
}
