import type { AddressInfo } from 'node:net'
import { startTestRuntime, type TestRuntime } from '@motcua/plugin-test-kit'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The plugin in a real runtime, enabled for one ward of Hạ Long: its applicants' e-mails reach a real SMTP server.
const received: { to: string[]; raw: string }[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
      callback()
    })
  },
})

// the subject and body of a message nodemailer wrote: encoded words, base64 UTF-8 text
function decode(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n')
  const subjectLine = /^Subject: (.*)$/im.exec(head!.replace(/\r\n[ \t]+/g, ' '))![1]!
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?B\?([^?]*)\?=/gi, (_, data: string) => Buffer.from(data, 'base64').toString('utf8'))
  return { subject, text: Buffer.from(rest.join('').replace(/\s+/g, ''), 'base64').toString('utf8') }
}

describe('notify-email in a runtime', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    rt = await startTestRuntime({
      plugins: [new URL('./index.ts', import.meta.url).href],
      procedures: ['dang-ky-khai-sinh'],
      at: '2026-12-01T08:00:00+07:00',
    })
    await rt.enable('notify-email', {
      unit: '06649',
      config: {
        host: '127.0.0.1',
        port: (smtp.server.address() as AddressInfo).port,
        security: 'none',
        from: 'Bộ phận Một cửa phường Hà Khánh <motcua.hakhanh@quangninh.gov.vn>',
        portalUrl: 'https://dichvucong.quangninh.gov.vn',
      },
    })
  })
  afterAll(async () => {
    await rt?.close()
    await new Promise<void>((resolve) => smtp.close(resolve))
  })

  it('e-mails the applicant when the dossier is filed and when it is received, with its due time and link', async () => {
    const applicant = { fullName: 'Phạm Thu Trang', email: 'trang.pham@example.vn' }
    const { receiptCode } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649', applicant })
    await rt.act(receiptCode, 'tiep_nhan')
    await rt.runOutbox()
    expect(await rt.outbox({ plugin: 'notify-email', topic: 'email' })).toMatchObject([
      { state: 'delivered', receiptCode },
      { state: 'delivered', receiptCode },
    ])
    const mails = received
      .filter((m) => m.to[0] === 'trang.pham@example.vn')
      .map((m) => decode(m.raw))
      .filter((m) => !m.subject.startsWith('Mã hồ sơ')) // the receipt has its own test below
    expect(mails.map((m) => m.subject)).toEqual([
      `Đã nhận hồ sơ ${receiptCode}`,
      `Hồ sơ ${receiptCode} đã được tiếp nhận`,
    ])
    expect(mails[1]!.text).toContain('Kính gửi ông/bà Phạm Thu Trang,')
    expect(mails[1]!.text).toMatch(/Hạn trả kết quả: \d\d:\d\d ngày \d\d\/\d\d\/2026\./)
    expect(mails[1]!.text).toContain(`https://dichvucong.quangninh.gov.vn/tra-cuu/${receiptCode}`)
  })

  it('gives the reason of a refusal', async () => {
    const applicant = { fullName: 'Lê Văn Hùng', email: 'hung.le@example.vn' }
    const { receiptCode } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649', applicant })
    await rt.act(receiptCode, 'tu_choi', { inputs: { reason: 'Trẻ không sinh tại địa bàn phường' } })
    await rt.runOutbox()
    const [refusal] = received
      .filter((m) => m.to[0] === 'hung.le@example.vn')
      .map((m) => decode(m.raw))
      .filter((m) => m.subject.includes('không được tiếp nhận'))
    expect(refusal!.subject).toBe(`Hồ sơ ${receiptCode} không được tiếp nhận`)
    expect(refusal!.text).toContain('Lý do: Trẻ không sinh tại địa bàn phường')
  })

  it('e-mails the receipt code and PIN on submission, the PIN in no outbox row before or after', async () => {
    const submitted = await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06649',
      applicant: { fullName: 'Ngô Thị Hoa', email: 'hoa.ngo@example.vn' },
    })
    const { receiptCode, pin, receiptSentTo } = submitted as typeof submitted & { pin: string; receiptSentTo: unknown }
    // the receipt page says where it went
    expect(receiptSentTo).toEqual({ email: 'h…@example.vn' })
    await rt.runOutbox()
    const receipt = received
      .filter((m) => m.to[0] === 'hoa.ngo@example.vn')
      .map((m) => decode(m.raw))
      .find((m) => m.subject === `Mã hồ sơ ${receiptCode} và mã tra cứu`)
    expect(receipt?.text).toContain(`Mã tra cứu (PIN): ${pin}`)
    const rows = JSON.stringify(await rt.outbox({ plugin: 'notify-email' }))
    expect(rows).not.toContain(pin)
    expect(rows).toContain('########')
  })

  it('sends nothing for an applicant without e-mail, nor at a commune where it is not enabled', async () => {
    const before = received.length
    await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649', applicant: { fullName: 'Đỗ Minh' } })
    await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06652',
      applicant: { fullName: 'Vũ Lan', email: 'lan.vu@example.vn' },
    })
    await rt.runOutbox()
    expect(received.length).toBe(before)
  })
})
