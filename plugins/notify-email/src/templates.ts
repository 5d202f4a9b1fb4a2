import type { DossierChange, DossierSnapshot } from '@motcua/plugin-sdk'
import type { Config } from './config'

/** A template's placeholders, `{{name}}`, and what each is filled with. */
export const PLACEHOLDERS = [
  'maHoSo',
  'thuTuc',
  'donVi',
  'trangThai',
  'hanTra',
  'traCuu',
  'nguoiNop',
  'ghiChu',
] as const
type Values = Record<(typeof PLACEHOLDERS)[number], string>

export interface Template {
  subject: string
  text: string
}

/** The e-mail sent at each national status (1–10) unless the unit's setting gives its own. */
export const DEFAULT_TEMPLATES: Readonly<Record<number, Template>> = {
  1: {
    subject: 'Đã nhận hồ sơ {{maHoSo}}',
    text: 'Hệ thống đã nhận hồ sơ {{maHoSo}} ({{thuTuc}}) nộp tới {{donVi}}. Bộ phận một cửa sẽ kiểm tra và tiếp nhận hồ sơ.',
  },
  2: {
    subject: 'Hồ sơ {{maHoSo}} đã được tiếp nhận',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đã được {{donVi}} tiếp nhận.\nHạn trả kết quả: {{hanTra}}.',
  },
  3: {
    subject: 'Hồ sơ {{maHoSo}} không được tiếp nhận',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) không được {{donVi}} tiếp nhận.\nLý do: {{ghiChu}}',
  },
  4: {
    subject: 'Hồ sơ {{maHoSo}} đang được xử lý',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đang được {{donVi}} xử lý.\nHạn trả kết quả: {{hanTra}}.',
  },
  5: {
    subject: 'Hồ sơ {{maHoSo}} cần bổ sung giấy tờ',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) cần bổ sung giấy tờ trước khi {{donVi}} xử lý tiếp.\nNội dung cần bổ sung: {{ghiChu}}',
  },
  6: {
    subject: 'Hồ sơ {{maHoSo}}: đề nghị nộp phí, lệ phí',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đang chờ ông/bà thực hiện nghĩa vụ tài chính (nộp phí, lệ phí).\nGhi chú: {{ghiChu}}',
  },
  7: {
    subject: 'Hồ sơ {{maHoSo}} đã được rút',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đã được rút theo yêu cầu của ông/bà.',
  },
  8: {
    subject: 'Hồ sơ {{maHoSo}} đã dừng xử lý',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đã dừng xử lý tại {{donVi}}.\nLý do: {{ghiChu}}',
  },
  9: {
    subject: 'Hồ sơ {{maHoSo}} đã có kết quả',
    text: 'Hồ sơ {{maHoSo}} ({{thuTuc}}) đã được {{donVi}} giải quyết xong. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.',
  },
  10: {
    subject: 'Hồ sơ {{maHoSo}} đã trả kết quả',
    text: 'Kết quả của hồ sơ {{maHoSo}} ({{thuTuc}}) đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ công.',
  },
}

const FOOTER = 'Thư này được gửi tự động, xin vui lòng không trả lời.'
const VIETNAM_OFFSET_MS = 7 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An instant as Vietnamese people read it, in Vietnam time (UTC+7 all year): `17:00 ngày 05/12/2026`.
 * @example vietnamTime('2026-12-05T10:00:00.000Z') // '17:00 ngày 05/12/2026'
 */
export function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ngày ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}

/** The tracking page of a dossier on the portal. */
export const trackingUrl = (portalUrl: string, receiptCode: string) =>
  `${portalUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(receiptCode)}`

// A line whose placeholders are all empty says nothing ("Lý do: "): it is left out.
function fill(template: string, values: Values): string {
  return template
    .split('\n')
    .flatMap((line) => {
      const names = [...line.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as keyof Values)
      if (names.length && names.every((n) => !values[n])) return []
      return [line.replace(/\{\{(\w+)\}\}/g, (_, n: keyof Values) => values[n] ?? '')]
    })
    .join('\n')
}

/** An e-mail to the applicant, as stored in the outbox: recipient, subject and UTF-8 text. */
export interface EmailMessage {
  to: string
  subject: string
  text: string
}

// Deliberately plain: one address, no display name, nothing that could add a header.
const ADDRESS = /^[^\s@<>()[\],;:"\\]{1,64}@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/

/**
 * The e-mail for the dossier's status now, or `undefined` when there is nothing to send: no (valid) applicant
 * e-mail, or a status the unit chose not to notify.
 */
export function emailFor(
  config: Config,
  dossier: DossierSnapshot,
  change?: Pick<DossierChange, 'note'>,
): EmailMessage | undefined {
  const to = dossier.applicant.email?.trim()
  if (!to || to.length > 254 || !ADDRESS.test(to)) return undefined
  if (config.statuses && !config.statuses.includes(dossier.status)) return undefined
  const template = config.templates?.[String(dossier.status)] ?? DEFAULT_TEMPLATES[dossier.status]
  if (!template) return undefined
  const values: Values = {
    maHoSo: dossier.receiptCode,
    thuTuc: dossier.procedure.name,
    donVi: dossier.unit.name,
    trangThai: dossier.statusName,
    hanTra: dossier.dueAt ? vietnamTime(dossier.dueAt) : '',
    traCuu: trackingUrl(config.portalUrl, dossier.receiptCode),
    nguoiNop: dossier.applicant.fullName,
    ghiChu: change?.note?.trim() ?? '',
  }
  const body = [
    `Kính gửi ông/bà ${dossier.applicant.fullName},`,
    fill(template.text, values),
    `Tra cứu hồ sơ: ${values.traCuu}`,
    ...(config.signature?.trim() ? [config.signature.trim()] : []),
    FOOTER,
  ]
  return {
    to,
    subject: fill(template.subject, values)
      .replace(/[\r\n]+/g, ' ')
      .slice(0, 250),
    text: body.join('\n\n'),
  }
}

/** Where the receipt e-mail holds the PIN until delivery: the runtime gives the PIN to `deliver` only. */
export const PIN_SLOT = '########'

/**
 * The e-mail that sends the applicant their receipt code and lookup PIN, or `undefined` without a valid address;
 * its text holds {@link PIN_SLOT} until `deliver` puts the PIN in.
 * @example receiptEmailFor(config, dossier)?.subject // 'Mã hồ sơ 000.01.21.H49-261201-0001 và mã tra cứu'
 */
export function receiptEmailFor(config: Config, dossier: DossierSnapshot): EmailMessage | undefined {
  const to = dossier.applicant.email?.trim()
  if (!to || to.length > 254 || !ADDRESS.test(to)) return undefined
  const text = [
    `Kính gửi ông/bà ${dossier.applicant.fullName},`,
    `Hồ sơ ${dossier.procedure.name} của ông/bà đã được gửi tới ${dossier.unit.name}.`,
    `Mã hồ sơ: ${dossier.receiptCode}`,
    `Mã tra cứu (PIN): ${PIN_SLOT}`,
    'Hãy giữ kín mã PIN: ai có mã hồ sơ và mã PIN đều xem được hồ sơ.',
    `Tra cứu hồ sơ: ${trackingUrl(config.portalUrl, dossier.receiptCode)}`,
    ...(config.signature?.trim() ? [config.signature.trim()] : []),
    FOOTER,
  ].join('\n\n')
  return { to, subject: `Mã hồ sơ ${dossier.receiptCode} và mã tra cứu`.slice(0, 250), text }
}
