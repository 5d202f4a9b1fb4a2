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
