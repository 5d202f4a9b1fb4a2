import type { DeliveryContext } from '@motcua/plugin-sdk'

export interface NationalPortalConfig {
  /** Where dossier changes are POSTed: the portal's sync endpoint or the province's integration gateway. */
  url: string
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string
  /** The province's code, e.g. `22` for Quảng Ninh. */
  maTinh?: string
  /** This plugin's own time limit for one request, on top of the runtime's. */
  timeoutMs?: number
}

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
