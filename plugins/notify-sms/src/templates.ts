import type { DossierSnapshot } from '@motcua/plugin-sdk'
import type { Config } from './config'
import { internationalMobile, unaccented } from './vietnamese'

/** A text's placeholders, `{{name}}`. */
export const PLACEHOLDERS = ['maHoSo', 'thuTuc', 'donVi', 'hanTra'] as const
type Values = Record<(typeof PLACEHOLDERS)[number], string>

/** The text sent at each national status (1–10) unless the unit's setting gives its own; short, one SMS each. */
export const DEFAULT_TEMPLATES: Readonly<Record<number, string>> = {
  1: 'Hồ sơ {{maHoSo}} đã được gửi tới {{donVi}}, đang chờ tiếp nhận.',
  2: 'Hồ sơ {{maHoSo}} đã được {{donVi}} tiếp nhận. Hẹn trả: {{hanTra}}.',
  3: 'Hồ sơ {{maHoSo}} không được {{donVi}} tiếp nhận. Xem lý do tại Cổng dịch vụ công.',
  4: 'Hồ sơ {{maHoSo}} đang được {{donVi}} xử lý. Hẹn trả: {{hanTra}}.',
  5: 'Hồ sơ {{maHoSo}} cần bổ sung giấy tờ. Xem nội dung tại Cổng dịch vụ công.',
  6: 'Hồ sơ {{maHoSo}}: đề nghị nộp phí, lệ phí để {{donVi}} xử lý tiếp.',
  7: 'Hồ sơ {{maHoSo}} đã được rút theo yêu cầu của ông/bà.',
  8: 'Hồ sơ {{maHoSo}} đã dừng xử lý tại {{donVi}}. Xem lý do tại Cổng dịch vụ công.',
  9: 'Hồ sơ {{maHoSo}} đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.',
  10: 'Hồ sơ {{maHoSo}} đã trả kết quả. Cảm ơn ông/bà đã sử dụng dịch vụ công.',
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An instant in Vietnam time (UTC+7 all year), short: `17:00 03/12/2026`.
 * @example shortVietnamTime('2026-12-03T10:00:00.000Z') // '17:00 03/12/2026'
 */
export function shortVietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}

// GSM 03.38's basic set, less what phones show badly: what an unaccented text keeps.
const NOT_GSM = /[^A-Za-z0-9 \n.,:;!?'"()/%&+\-=@#*<>_$]/g

// A sentence whose placeholders are all empty says nothing ("Hẹn trả: ."): it is left out.
function fill(template: string, values: Values): string {
  return template
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) => {
      const names = [...sentence.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as keyof Values)
      if (names.length && names.every((n) => !values[n])) return []
      return [sentence.replace(/\{\{(\w+)\}\}/g, (_, n: keyof Values) => values[n] ?? '')]
    })
    .join(' ')
}

/** Cuts a text to `max` characters at a word, ending it with "..." (the receipt code comes first and stays). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max - 3)
  const space = head.lastIndexOf(' ')
  return `${space > max / 2 ? head.slice(0, space) : head}...`
}

/** An SMS to the applicant, as stored in the outbox. */
export interface SmsMessage {
  /** `84xxxxxxxxx` */
  to: string
  text: string
  /** false: plain GSM-7 letters; true: Unicode (UCS-2), 70 characters a message. */
  unicode: boolean
}

/**
 * The SMS for the dossier's status now, or `undefined` when there is nothing to send: no mobile number, or a status
 * the unit chose not to notify.
 */
export function smsFor(config: Config, dossier: DossierSnapshot): SmsMessage | undefined {
  const to = internationalMobile(dossier.applicant.phone)
  if (!to) return undefined
  if (config.statuses && !config.statuses.includes(dossier.status)) return undefined
  const template = config.templates?.[String(dossier.status)] ?? DEFAULT_TEMPLATES[dossier.status]
  if (!template) return undefined
  const text = fill(template, {
    maHoSo: dossier.receiptCode,
    thuTuc: dossier.procedure.name,
    donVi: dossier.unit.name,
    hanTra: dossier.dueAt ? shortVietnamTime(dossier.dueAt) : '',
  })
  const plain = config.unaccented ?? true
  const max = config.maxLength ?? (plain ? 160 : 70)
  if (!plain) return { to, text: cut(text, max), unicode: true }
  return { to, text: cut(unaccented(text).replace(NOT_GSM, ''), max), unicode: false }
}

/** Where the receipt text holds the PIN until delivery: the runtime gives the PIN to `deliver` only. */
export const PIN_SLOT = '########'

/**
 * The text that sends the applicant their receipt code and lookup PIN, or `undefined` without a mobile number. The
 * PIN is not known here (no hook sees it): `PIN_SLOT` stands for it until delivery.
 * @example receiptSmsFor(config, dossier)?.text // 'Ma ho so 000.01.21.H49-261201-0001, ma tra cuu (PIN) ########. ...'
 */
export function receiptSmsFor(config: Config, dossier: DossierSnapshot): SmsMessage | undefined {
  const to = internationalMobile(dossier.applicant.phone)
  if (!to) return undefined
  const text = `Mã hồ sơ ${dossier.receiptCode}, mã tra cứu (PIN) ${PIN_SLOT}. Giữ kín mã PIN; tra cứu hồ sơ tại Cổng dịch vụ công.`
  if (!(config.unaccented ?? true)) return { to, text, unicode: true }
  return { to, text: unaccented(text).replace(NOT_GSM, ''), unicode: false }
}
