// Shared by the colocated slip tests only: a birth registration at a Hạ Long ward, received online and
// returned, with helpers to add the events other slips document. Times are written in Vietnam time.
import type { SlipEvent, SlipInput } from './types'

export const at = (text: string): Date => new Date(`${text}+07:00`)

type EventInput = Partial<SlipEvent> & Pick<SlipEvent, 'action' | 'at'>

/** An event with the defaults of an officer's action that keeps the dossier at the 'Thẩm định' step. */
export function event(seq: number, e: EventInput): SlipEvent {
  return {
    seq,
    actionLabel: e.action,
    actorName: 'Trần Văn Minh',
    actorRole: 'receiving_officer',
    fromStep: 'tham_dinh',
    toStep: 'tham_dinh',
    fromStepName: 'Thẩm định hồ sơ',
    toStepName: 'Thẩm định hồ sơ',
    fromStatus: 4,
    toStatus: 4,
    note: null,
    stepDueAt: null,
    data: null,
    ...e,
  }
}

/** The whole life of a dossier: submitted, received, appraised on time, approved late, returned early. */
export const fullLog = (): SlipEvent[] => [
  event(1, {
    action: 'submit',
    actionLabel: 'Nộp hồ sơ trực tuyến',
    at: at('2026-11-30T16:10:00'),
    actorName: 'Nguyễn Thị Lan',
    actorRole: 'citizen',
    fromStep: null,
    fromStepName: null,
    toStep: 'tiep_nhan',
    toStepName: 'Tiếp nhận hồ sơ',
    fromStatus: null,
    toStatus: 1,
  }),
  event(2, {
    action: 'receive',
    actionLabel: 'Tiếp nhận',
    at: at('2026-12-01T08:30:00'),
    fromStep: 'tiep_nhan',
    fromStepName: 'Tiếp nhận hồ sơ',
    fromStatus: 1,
    toStatus: 4,
    stepDueAt: at('2026-12-02T17:00:00'),
  }),
  event(3, {
    action: 'forward',
    actionLabel: 'Trình lãnh đạo',
    at: at('2026-12-02T10:00:00'),
    actorName: 'Lê Thu Hà',
    actorRole: 'specialist',
    toStep: 'phe_duyet',
    toStepName: 'Phê duyệt',
    stepDueAt: at('2026-12-03T11:30:00'),
    note: 'Hồ sơ đủ điều kiện',
  }),
  event(4, {
    action: 'approve',
    actionLabel: 'Ký duyệt',
    at: at('2026-12-03T15:00:00'),
    actorName: 'Phạm Quốc Hùng',
    actorRole: 'leader',
    fromStep: 'phe_duyet',
    fromStepName: 'Phê duyệt',
    toStep: 'tra_ket_qua',
    toStepName: 'Trả kết quả',
    toStatus: 9,
    stepDueAt: at('2026-12-04T17:00:00'),
  }),
  event(5, {
    action: 'return',
    actionLabel: 'Trả kết quả',
    at: at('2026-12-03T16:30:00'),
    fromStep: 'tra_ket_qua',
    fromStepName: 'Trả kết quả',
    toStep: null,
    toStepName: null,
    fromStatus: 9,
    toStatus: 10,
    data: { deliveryMethod: 'counter' },
  }),
]

/** A slip input for the dossier, with `events` replaced when given. */
export function slipInput(overrides: Partial<SlipInput> = {}): SlipInput {
  return {
    dossier: {
      receiptCode: '000.01.21.H49-261130-0007',
      channel: 2,
      status: 10,
      submittedAt: at('2026-11-30T16:10:00'),
      receivedAt: at('2026-12-01T08:30:00'),
      dueAt: at('2026-12-04T17:00:00'),
      doneAt: at('2026-12-03T15:00:00'),
      returnedAt: at('2026-12-03T16:30:00'),
      applicant: {
        fullName: 'Nguyễn Thị Lan',
        idNumber: '022190001234',
        phone: '0912 345 678',
        email: 'lan.nguyen@example.vn',
        address: 'Tổ 3, khu 5, phường Hà Khánh, thành phố Hạ Long',
      },
    },
    procedure: {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      processingTimeText:
        'Ngay trong ngày làm việc (nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo)',
      components: [
        { key: 'to_khai', name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1 },
        { key: 'giay_chung_sinh', name: 'Giấy chứng sinh', originals: 1 },
        { key: 'uy_quyen', name: 'Văn bản ủy quyền (nếu nộp thay)', originals: 1, copies: 0 },
      ],
    },
    attachments: [
      { componentKey: 'to_khai', fileName: 'to-khai-khai-sinh.pdf' },
      { componentKey: 'giay_chung_sinh', fileName: 'giay-chung-sinh.jpg' },
    ],
    unit: { code: '06649', name: 'Phường Hà Khánh', electronicId: '000.01.21.H49', parentName: 'Thành phố Hạ Long' },
    events: fullLog(),
    trackUrl: 'https://dichvucong.quangninh.gov.vn/tra-cuu/000.01.21.H49-261130-0007',
    pin: '482913',
    officerName: 'Đỗ Minh Châu',
    now: at('2026-12-04T09:00:00'),
    ...overrides,
  }
}

/** The log up to reception, then one more event. */
export const receivedThen = (...more: EventInput[]): SlipEvent[] => [
  ...fullLog().slice(0, 2),
  ...more.map((e, i) => event(3 + i, e)),
]
