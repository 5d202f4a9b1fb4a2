import { type AddressInfo, createServer } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Config } from './config'
import plugin from './index'
import type { EmailMessage } from './templates'

interface Received {
  from: string
  to: string[]
  raw: string
  user: string | undefined
}

const PASSWORD = 'mat-khau-smtp-0123'
const received: Received[] = []
// what the server does with the next message's recipient: take it, or refuse it permanently
let refuseRecipient = false

// a real SMTP server on a free port: AUTH PLAIN/LOGIN over plain text (no TLS on a test loopback)
const server = new SMTPServer({
  authOptional: false,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === 'motcua' && auth.password === PASSWORD) return callback(null, { user: auth.username })
    callback(new Error('Invalid username or password'))
  },
  onRcptTo(address, _session, callback) {
    if (refuseRecipient)
      return callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }))
    callback()
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
        user: session.user as string | undefined,
      })
      callback()
    })
  },
})

let port = 0
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(resolve)))
beforeEach(() => {
  received.length = 0
  refuseRecipient = false
})

const config = (over: Partial<Config> = {}): Config => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: 'motcua',
  password: PASSWORD,
  from: 'Bộ phận Một cửa <motcua@quangninh.gov.vn>',
  portalUrl: 'https://dichvucong.quangninh.gov.vn',
  ...over,
})
const email: EmailMessage = {
  to: 'lan.nguyen@example.vn',
  subject: 'Hồ sơ 000.01.21.H49-261201-0001 đã được tiếp nhận',
  text: 'Kính gửi ông/bà Nguyễn Thị Lan,\n\nHồ sơ đã được UBND phường Hà Khánh tiếp nhận.\nHạn trả kết quả: 17:00 ngày 03/12/2026.',
}
const deliver = (over: Partial<Config> = {}, signal = new AbortController().signal) =>
  plugin.deliver!({ id: 7, topic: 'email', payload: email }, { config: config(over), signal, fetch, attempt: 1 })

/** The decoded subject and body of a raw message nodemailer wrote (encoded words, base64 UTF-8 text). */
function decode(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n')
  const unfolded = head!.replace(/\r\n[ \t]+/g, ' ')
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)![1]!
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
  return {
    head: unfolded,
    subject,
    text: Buffer.from(rest.join('\r\n\r\n').replace(/\s+/g, ''), 'base64').toString('utf8'),
  }
}

describe('deliver over SMTP', () => {
  it('signs in and hands the message to the server: recipient, sender, subject and UTF-8 Vietnamese body', async () => {
    await deliver()
    expect(received).toHaveLength(1)
    const [message] = received as [Received]
    expect(message.user).toBe('motcua')
    expect(message.from).toBe('motcua@quangninh.gov.vn')
    expect(message.to).toEqual(['lan.nguyen@example.vn'])
    const { head, subject, text } = decode(message.raw)
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8/im)
    expect(subject).toBe('Hồ sơ 000.01.21.H49-261201-0001 đã được tiếp nhận')
    expect(text.replace(/\r\n/g, '\n')).toBe(email.text)
  })

  it('throws, to be retried, when the password is wrong', async () => {
    await expect(deliver({ password: 'sai-mat-khau' })).rejects.toThrow(/SMTP EAUTH/)
    expect(received).toHaveLength(0)
  })

  it('throws when the server refuses the recipient, without the address in the error', async () => {
    refuseRecipient = true
    const error = (await deliver().catch((e: Error) => e)) as Error
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(/SMTP/)
    expect(error.message).not.toContain('lan.nguyen@example.vn')
    expect(received).toHaveLength(0)
  })

  it('throws when nothing listens, and when STARTTLS is required but not offered', async () => {
    await expect(deliver({ port: 1 })).rejects.toThrow(/SMTP/)
    await expect(deliver({ security: 'starttls' })).rejects.toThrow(/SMTP/)
    expect(received).toHaveLength(0)
  })

  it('stops when the outbox aborts it, even while the server says nothing', async () => {
    const silent = createServer(() => {}) // accepts the connection, never greets
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const controller = new AbortController()
    const started = Date.now()
    const delivery = deliver({ port: (silent.address() as AddressInfo).port }, controller.signal)
    setTimeout(() => controller.abort(), 200)
    await expect(delivery).rejects.toThrow(/time limit/)
    expect(Date.now() - started).toBeLessThan(5000)
    await new Promise((resolve) => silent.close(resolve))
  })
})
