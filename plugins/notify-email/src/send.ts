import type { DeliveryContext } from '@motcua/plugin-sdk'
import { createTransport } from 'nodemailer'
import type { Config } from './config'
import type { EmailMessage } from './templates'

/** The SMTP server refused or failed to take the message: retried later by the outbox. */
export class EmailDeliveryError extends Error {
  override name = 'EmailDeliveryError'
}

const DEFAULT_PORTS = { starttls: 587, tls: 465, none: 25 } as const

// An SMTP answer often quotes the recipient ("550 <an@example.vn>: no such user"): the address stays out of the
// outbox's error column and the logs.
const withoutAddress = (text: string, address: string) =>
  text.split(address).join('***').replace(/\s+/g, ' ').slice(0, 300)

/**
 * Sends one e-mail over SMTP with the unit's server: TLS as configured (STARTTLS required by default), UTF-8 text in
 * base64, stopped when `signal` aborts; throws on a refusal, a failed sign-in or a network error.
 * @example await sendEmail({ to: 'an@example.vn', subject: 'Hồ sơ …', text: '…' }, ctx)
 */
export async function sendEmail(message: EmailMessage, { config, signal }: DeliveryContext<Config>): Promise<void> {
  const security = config.security ?? 'starttls'
  const transport = createTransport({
    host: config.host,
    port: config.port ?? DEFAULT_PORTS[security],
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
  })
  try {
    await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      textEncoding: 'base64',
      disableFileAccess: true,
      disableUrlAccess: true,
      signal,
    })
  } catch (error) {
    if (signal.aborted) throw new EmailDeliveryError('SMTP: stopped at the delivery time limit')
    const e = error as Error & { code?: string; responseCode?: number }
    const code = [e.code, e.responseCode].filter(Boolean).join(' ')
    throw new EmailDeliveryError(`SMTP ${code ? `${code}: ` : ''}${withoutAddress(e.message, message.to)}`)
  } finally {
    transport.close()
  }
}
