import type { FeeLine } from '../definition/evaluate'
import type { DeliveryMethod, ProcedureDefinition } from '../definition/procedure-definition.generated'

/** Where a result sent by post goes: a real administrative unit of the directory plus the street part. */
export interface PostalAddress {
  /** The unit (commune, ward) the address lies in, by its code in the unit directory. */
  unitCode: string
  /** House number, street, hamlet (số nhà, đường, thôn, tổ dân phố). */
  street: string
  recipient?: string
  phone?: string
  /** The whole address as written on the envelope: the street, then the unit and every unit above it. */
  text: string
}

/** How the applicant chose to receive the result. */
export interface DossierDelivery {
  method: DeliveryMethod
  address?: PostalAddress
}

/** Every delivery method, in the order the portal offers them. */
export const deliveryMethods: readonly DeliveryMethod[] = ['counter', 'post', 'online']

/** How each delivery method is named to people. */
export const deliveryMethodNames: Readonly<Record<DeliveryMethod, { vi: string; en: string }>> = {
  counter: { vi: 'Nhận trực tiếp tại Bộ phận Một cửa', en: 'At the one-stop counter' },
  post: { vi: 'Nhận qua dịch vụ bưu chính công ích', en: 'By post' },
  online: { vi: 'Nhận bản điện tử (tải về khi tra cứu hồ sơ)', en: 'Electronic copy (downloaded through tracking)' },
}

/** The key of the fee line added when the applicant chooses delivery by post. */
export const POSTAL_FEE_KEY = 'cuoc_buu_chinh'

/**
 * The delivery methods a procedure allows: its `resultDelivery.methods`, or, when it declares none, every
 * method for the officer returning the result (the applicant then chooses nothing at submission).
 */
export const allowedDeliveryMethods = (def: ProcedureDefinition): readonly DeliveryMethod[] =>
  def.resultDelivery?.methods ?? deliveryMethods

/** The fee line for delivery by post, as the definition fixes it; undefined when post has no fee declared. */
export function postalFeeLine(def: ProcedureDefinition): FeeLine | undefined {
  const fee = def.resultDelivery?.postalFee
  if (!fee) return undefined
  return { key: POSTAL_FEE_KEY, name: fee.name ?? 'Cước phí chuyển phát kết quả qua bưu chính', amount: fee.amount }
}
