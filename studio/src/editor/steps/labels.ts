import { type ActionInput, type ActionType, type Message, perDossierActionTypes } from '@motcua/core'
import type { TimeUnit } from './budget'

/** Action types in the administrators' words, in the order they are offered. */
export const actionTypeNames: Record<ActionType, Message> = {
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Forward' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  sendBack: { vi: 'Trả lại bước trước', en: 'Send back' },
  return: { vi: 'Trả kết quả', en: 'Return the result' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  requestSupplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  requestPayment: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Request payment' },
  confirmPayment: { vi: 'Xác nhận đã nộp phí', en: 'Confirm payment' },
  extend: { vi: 'Xin lỗi, hẹn lại ngày trả', en: 'Apologise, new date' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
  withdraw: { vi: 'Rút hồ sơ (theo yêu cầu)', en: 'Withdraw' },
}

/** The outcomes ending a dossier. */
export const outcomeNames: Record<string, Message> = {
  $returned: { vi: 'Kết thúc: đã trả kết quả', en: 'End: result returned' },
  $refused: { vi: 'Kết thúc: không tiếp nhận', en: 'End: refused' },
  $withdrawn: { vi: 'Kết thúc: rút hồ sơ', en: 'End: withdrawn' },
  $stopped: { vi: 'Kết thúc: dừng xử lý', en: 'End: stopped' },
}

/** What an officer may be asked to give with an action. */
export const inputNames: Record<ActionInput, Message> = {
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  missingItems: { vi: 'Giấy tờ cần bổ sung', en: 'Missing items' },
  newDueAt: { vi: 'Ngày hẹn trả mới', en: 'New due date' },
  attachments: { vi: 'Tệp đính kèm', en: 'Attachments' },
  deliveryMethod: { vi: 'Hình thức trả kết quả', en: 'Delivery method' },
  amount: { vi: 'Số tiền', en: 'Amount' },
}

/** The roles a step is worked by, most common first. */
export const stepRoles = ['receiving_officer', 'specialist', 'leader'] as const

export const roleNames: Record<string, Message> = {
  receiving_officer: { vi: 'Cán bộ tiếp nhận (một cửa)', en: 'Receiving officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
}

export const unitNames: Record<TimeUnit | 'none', Message> = {
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  workingHours: { vi: 'giờ làm việc', en: 'working hours' },
  calendarDays: { vi: 'ngày (kể cả nghỉ)', en: 'calendar days' },
  none: { vi: 'không tính riêng', en: 'not set' },
}

/** Levels a liên thông step may go up to (levels are data; these are the seeded ones). */
export const levelNames: Record<string, Message> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
}

/** The action types that lead to another step, to an outcome, or keep the dossier where it is. */
export const movingTypes: ActionType[] = ['receive', 'forward', 'sendBack', 'approve']
/** The action types a leader may take in bulk: those that ask nothing per dossier (core's check says the same). */
export const bulkTypes = (Object.keys(actionTypeNames) as ActionType[]).filter(
  (t) => !perDossierActionTypes.includes(t),
)
export const terminalOutcome: Partial<Record<ActionType, string>> = {
  return: '$returned',
  refuse: '$refused',
  withdraw: '$withdrawn',
  stop: '$stopped',
}

/** A number the Vietnamese way (0,5). */
export const showNumber = (n: number, locale: 'vi' | 'en') =>
  new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n)

/** A budget or time as words: "0,5 ngày làm việc". */
export function showBudget(budget: unknown, locale: 'vi' | 'en'): string | undefined {
  if (typeof budget !== 'object' || budget === null) return undefined
  const b = budget as Record<string, unknown>
  const value = b.kind === 'workingHours' ? b.hours : b.days
  const unit = unitNames[b.kind as TimeUnit]
  if (typeof value !== 'number' || !unit) return undefined
  return `${showNumber(value, locale)} ${unit[locale]}`
}
