import type { Applicant } from '../lib/types'

type Schema = { type?: unknown; format?: unknown; properties?: Record<string, Schema> }

const ID_FORMATS = new Set(['cccd', 'cmnd'])
const PHONE_FORMATS = new Set(['vn-mobile', 'vn-phone'])

function fromObject(schema: Schema, data: Record<string, unknown>): Applicant | undefined {
  const properties = schema.properties ?? {}
  const text = (key: string | undefined) =>
    key && typeof data[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : undefined
  const byFormat = (formats: Set<string>) =>
    Object.keys(properties).find((k) => formats.has(String(properties[k]!.format)) && text(k))
  const fullName = text(['ho_ten', 'ho_va_ten', 'ten'].find((k) => k in properties && text(k)))
  if (!fullName) return undefined
  const applicant: Applicant = { fullName }
  const idNumber = text(byFormat(ID_FORMATS))
  const phone = text(byFormat(PHONE_FORMATS))
  const email = text(Object.keys(properties).find((k) => properties[k]!.format === 'email' && text(k)))
  const address = text(
    ['noi_cu_tru', 'dia_chi', 'noi_thuong_tru', 'dia_chi_lien_he'].find((k) => k in properties && text(k)),
  )
  if (idNumber) applicant.idNumber = idNumber
  if (phone) applicant.phone = phone
  if (email) applicant.email = email
  if (address) applicant.address = address
  return applicant
}

/**
 * The applicant (người nộp hồ sơ) as the form tells it: the first group in display order with a name
 * (ho_ten), with the ID number, phone and email found there by their formats. The citizen checks it on the review page.
 */
export function guessApplicant(rootSchema: unknown, formData: unknown, order: string[]): Applicant | undefined {
  const schema = rootSchema as Schema
  const data = (formData ?? {}) as Record<string, unknown>
  const top = fromObject(schema, data)
  if (top) return top
  for (const key of order) {
    const child = schema.properties?.[key]
    if (child?.type === 'object' && data[key] && typeof data[key] === 'object') {
      const found = fromObject(child, data[key] as Record<string, unknown>)
      if (found) return found
    }
  }
  return undefined
}

// the groups of a form that stand for the person filing it (người yêu cầu, người đề nghị, người làm đơn)
const FILER_GROUPS = ['nguoi_yeu_cau', 'nguoi_de_nghi', 'nguoi_lam_don', 'nguoi_nop_ho_so', 'nguoi_khai']

/**
 * The signed-in citizen's own details as pointers into the form (for `applyFill`, which fills only empty fields):
 * the name, căn cước number, phone and e-mail of the group that stands for the person filing (`nguoi_yeu_cau` …),
 * or of the form itself when its top level asks for them.
 * @example accountFill(schema, { fullName: 'Nguyễn Văn An' }) // { '/nguoi_yeu_cau/ho_ten': 'Nguyễn Văn An' }
 */
export function accountFill(
  rootSchema: unknown,
  account: { fullName: string; idNumber?: string; phone?: string; email?: string },
): Record<string, string> {
  const schema = rootSchema as Schema
  const top = schema.properties ?? {}
  const group = FILER_GROUPS.find((k) => top[k]?.type === 'object' && top[k]!.properties)
  if (!group && !('ho_ten' in top || 'ho_va_ten' in top)) return {}
  const prefix = group ? `/${group}/` : '/'
  const properties = group ? top[group]!.properties! : top
  const fill: Record<string, string> = {}
  const keys = Object.keys(properties)
  const name = keys.find((k) => k === 'ho_ten' || k === 'ho_va_ten')
  if (name && account.fullName) fill[`${prefix}${name}`] = account.fullName
  const id = keys.find((k) => ID_FORMATS.has(String(properties[k]!.format)))
  // a căn cước field takes 12 digits; an old 9-digit chứng minh number does not fit it
  if (id && account.idNumber && (properties[id]!.format !== 'cccd' || /^\d{12}$/.test(account.idNumber)))
    fill[`${prefix}${id}`] = account.idNumber
  const phone = keys.find((k) => PHONE_FORMATS.has(String(properties[k]!.format)))
  if (phone && account.phone) fill[`${prefix}${phone}`] = account.phone
  const email = keys.find((k) => properties[k]!.format === 'email')
  if (email && account.email) fill[`${prefix}${email}`] = account.email
  return fill
}

/**
 * The applicant block completed with the account's details where it says nothing, when it is the account's
 * holder (or names nobody yet); someone filing for another person keeps only what the form told.
 * @example withAccount({ fullName: '' }, { fullName: 'Nguyễn Văn An', phone: '0912345678' }) // { fullName: 'Nguyễn Văn An', phone: '0912345678' }
 */
export function withAccount(
  applicant: Applicant | undefined,
  account: { fullName: string; idNumber?: string; phone?: string; email?: string },
): Applicant {
  const base = applicant?.fullName ? applicant : { ...applicant, fullName: account.fullName }
  const same = base.fullName.trim().toLocaleLowerCase('vi') === account.fullName.trim().toLocaleLowerCase('vi')
  if (!same) return base
  const filled: Applicant = { ...base }
  for (const key of ['idNumber', 'phone', 'email'] as const)
    if (!filled[key] && account[key]) filled[key] = account[key]
  return filled
}
