import type { DeliveryContext } from '@motcua/plugin-sdk'
import type { Config } from './config'
import type { SmsMessage } from './templates'

/** The gateway answered, but not with a 2xx: retried later by the outbox. */
export class SmsGatewayError extends Error {
  override name = 'SmsGatewayError'
}

/** The JSON body POSTed to the gateway (the contract in the README). */
export interface GatewayRequest {
  /** `84xxxxxxxxx` */
  to: string
  /** The registered brandname. */
  from: string
  text: string
  unicode: boolean
  /** The outbox message's id: the same for every retry of one SMS, so the gateway can drop a repeat. */
  reference: string
}

// A gateway may echo the request: neither the key nor the phone number may reach the outbox's error column.
function excerpt(body: string, hidden: string[]): string {
  let text = body.replace(/\s+/g, ' ').trim()
  for (const secret of hidden) if (secret) text = text.split(secret).join('***')
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/**
 * POSTs one SMS to the gateway as JSON with the `X-API-Key` header (and `X-Request-Id`, the request that queued it,
 * when there was one); throws on a network error, an abort or a non-2xx answer.
 * @example await sendSms(7, { to: '84912345678', text: 'Ho so ...', unicode: false }, ctx)
 */
export async function sendSms(id: number, sms: SmsMessage, ctx: DeliveryContext<Config>): Promise<void> {
  const { config } = ctx
  const body: GatewayRequest = {
    to: sms.to,
    from: config.sender,
    text: sms.text,
    unicode: sms.unicode,
    reference: `motcua-${id}`,
  }
  const response = await ctx.fetch(config.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'x-api-key': config.apiKey,
      ...(ctx.requestId ? { 'x-request-id': ctx.requestId } : {}),
    },
    body: JSON.stringify(body),
    signal: ctx.signal,
  })
  if (response.ok) {
    await response.body?.cancel()
    return
  }
  const text = await response.text().catch(() => '')
  const shown = excerpt(text, [config.apiKey, sms.to, `0${sms.to.slice(2)}`, ...(ctx.lookupPin ? [ctx.lookupPin] : [])])
  throw new SmsGatewayError(`The SMS gateway answered HTTP ${response.status}${shown ? `: ${shown}` : ''}`)
}
