import type { Message } from './errors'

/** The national public status codes (trạng thái hồ sơ), exchanged with the National Public Service Portal. */
export const dossierStatuses = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused at reception' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Result ready' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<number, Message>

export type DossierStatus = keyof typeof dossierStatuses

/** Channels (kênh): 1 at the counter, 2 online, 3 by the public postal service. */
export const channels = {
  1: { vi: 'Trực tiếp', en: 'At the counter' },
  2: { vi: 'Trực tuyến', en: 'Online' },
  3: { vi: 'Bưu chính công ích', en: 'Public postal service' },
} as const satisfies Record<number, Message>

export type Channel = keyof typeof channels

/** Platform roles; officers and administrators hold them for a unit. */
export const roles = {
  citizen: { vi: 'Công dân, doanh nghiệp', en: 'Citizen or business' },
  receiving_officer: { vi: 'Cán bộ một cửa', en: 'Receiving officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
} as const satisfies Record<string, Message>

export type Role = keyof typeof roles
