import {
  type DeliveryMethod,
  DomainError,
  type DossierDelivery,
  deliveryMethodNames,
  type FeeLine,
  type Issue,
  type ProcedureDefinition,
  postalFeeLine,
} from '@motcua/core'
import type { UnitDirectory } from '../units/unit-directory'

/** The delivery part of a submission as sent. */
export interface DeliveryInput {
  method: DeliveryMethod
  address?: { unitCode: string; street: string; recipient?: string; phone?: string }
}

/** The JSON Schema of `delivery` in a submission (online and at the counter). */
export const deliverySchema = {
  type: 'object',
  properties: {
    method: { enum: ['counter', 'post', 'online'] },
    address: {
      type: 'object',
      properties: {
        unitCode: { type: 'string', minLength: 1, maxLength: 50 },
        street: { type: 'string', minLength: 1, maxLength: 300 },
        recipient: { type: 'string', minLength: 1, maxLength: 200 },
        phone: { type: 'string', format: 'vn-phone' },
      },
      required: ['unitCode', 'street'],
      additionalProperties: false,
    },
  },
  required: ['method'],
  additionalProperties: false,
}

const refuse = (issue: Issue) =>
  new DomainError(
    'INVALID_DATA',
    { vi: 'Hình thức nhận kết quả chưa hợp lệ.', en: 'The delivery choice is not valid.' },
    [issue],
  )

/**
 * The applicant's choice of how to receive the result, checked against the procedure: one of its methods (the
 * first when none is given), and for post an address in a real unit of the directory, written out in full
 * (street, then the unit and every unit above it). Null when the procedure offers no choice.
 */
export async function checkDeliveryChoice(
  def: ProcedureDefinition,
  input: DeliveryInput | undefined,
  units: UnitDirectory,
): Promise<DossierDelivery | null> {
  const offered = def.resultDelivery?.methods
  if (!offered) {
    if (input === undefined) return null
    throw refuse({
      code: 'delivery.notOffered',
      path: '/delivery',
      message: {
        vi: 'Thủ tục này không cho chọn hình thức nhận kết quả: bỏ phần "delivery".',
        en: 'This procedure offers no delivery choice: leave "delivery" out.',
      },
    })
  }
  const method = input?.method ?? offered[0]!
  if (!offered.includes(method))
    throw refuse({
      code: 'delivery.notAllowed',
      path: '/delivery/method',
      message: {
        vi: `Thủ tục này chỉ trả kết quả theo hình thức: ${offered.map((m) => deliveryMethodNames[m].vi.toLowerCase()).join('; ')}.`,
        en: `This procedure delivers only: ${offered.join(', ')}.`,
      },
    })
  const address = input?.address
  if (method !== 'post') {
    if (address)
      throw refuse({
        code: 'delivery.addressNotPost',
        path: '/delivery/address',
        message: {
          vi: 'Chỉ khai địa chỉ nhận khi chọn nhận kết quả qua bưu chính.',
          en: 'An address is given only for delivery by post.',
        },
      })
    return { method }
  }
  if (!address)
    throw refuse({
      code: 'required',
      path: '/delivery/address',
      message: {
        vi: 'Vui lòng khai địa chỉ nhận kết quả qua bưu chính (số nhà, đường, thôn và xã, phường).',
        en: 'Give the address to post the result to.',
      },
    })
  const unit = await units.byCode(address.unitCode)
  if (!unit)
    throw refuse({
      code: 'unit.unknown',
      path: '/delivery/address/unitCode',
      message: {
        vi: `Không có đơn vị hành chính mã ${address.unitCode}: vui lòng chọn xã, phường trong danh sách.`,
        en: `No administrative unit ${address.unitCode}.`,
      },
    })
  const names: string[] = []
  for (const id of await units.lineage(unit.id)) {
    const above = await units.byId(id)
    if (above) names.push(above.name)
  }
  const street = address.street.trim()
  return {
    method,
    address: {
      unitCode: unit.code,
      street,
      ...(address.recipient ? { recipient: address.recipient.trim() } : {}),
      ...(address.phone ? { phone: address.phone } : {}),
      text: [street, ...names].join(', '),
    },
  }
}

/** The fee lines a delivery choice adds: the postal fee when the result goes by post. */
export function deliveryFees(def: ProcedureDefinition, delivery: DossierDelivery | null): FeeLine[] {
  const line = delivery?.method === 'post' ? postalFeeLine(def) : undefined
  return line ? [line] : []
}
