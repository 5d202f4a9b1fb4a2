import { vietnamDate } from '@motcua/core'

/** What a printed form is for, whatever its number in the set in force. */
export type SlipKind =
  | 'receipt'
  | 'supplement-request'
  | 'refusal'
  | 'apology'
  | 'stop-notice'
  | 'control-slip'
  | 'register'

/** A column of the register (Sổ theo dõi hồ sơ); those with a `group` sit under a shared heading. */
export interface RegisterColumn {
  key:
    | 'line'
    | 'receiptCode'
    | 'procedure'
    | 'copies'
    | 'applicant'
    | 'contact'
    | 'resolvingUnit'
    | 'receivedAt'
    | 'dueAt'
    | 'handedOverAt'
    | 'resultReceivedAt'
    | 'returnedAt'
    | 'signature'
    | 'note'
  label: string
  group?: string
}

// The register's columns as Mẫu 06 of Thông tư 01/2018 lays them out (verify against the circular's table);
// Mẫu 07 of Thông tư 03/2025 is taken to keep them (verify).
const registerColumns: RegisterColumn[] = [
  { key: 'line', label: 'Số thứ tự' },
  { key: 'receiptCode', label: 'Mã hồ sơ' },
  { key: 'procedure', label: 'Tên thủ tục hành chính' },
  { key: 'copies', label: 'Số lượng hồ sơ (bộ)' },
  { key: 'applicant', label: 'Tên cá nhân, tổ chức' },
  { key: 'contact', label: 'Địa chỉ, số điện thoại' },
  { key: 'resolvingUnit', label: 'Cơ quan chủ trì giải quyết' },
  { key: 'receivedAt', label: 'Nhận hồ sơ', group: 'Ngày, tháng, năm' },
  { key: 'dueAt', label: 'Hẹn trả kết quả', group: 'Ngày, tháng, năm' },
  { key: 'handedOverAt', label: 'Chuyển hồ sơ đến cơ quan giải quyết', group: 'Ngày, tháng, năm' },
  { key: 'resultReceivedAt', label: 'Nhận kết quả từ cơ quan giải quyết', group: 'Ngày, tháng, năm' },
  { key: 'returnedAt', label: 'Trả kết quả cho cá nhân, tổ chức', group: 'Ngày, tháng, năm' },
  { key: 'signature', label: 'Ký nhận' },
  { key: 'note', label: 'Ghi chú' },
]

/** One official set of one-stop-shop forms, in force from a date until the next set. */
export interface FormSet {
  /** The circular whose appendix has the forms. */
  circular: string
  /** First day in force, 'YYYY-MM-DD' (Vietnam). */
  from: string
  /** Each form's title, as printed. */
  titles: Record<SlipKind, string>
  /** Each form's number (Mẫu số); a kind without a number has no official form in this set. */
  numbers: Partial<Record<SlipKind, string>>
  registerColumns: readonly RegisterColumn[]
}

// Thông tư 01/2018/TT-VPCP of 23/11/2018 (guiding Nghị định 61/2018/NĐ-CP), in force from 06/01/2019: Mẫu 01–06,
// no stop notice (our "Thông báo" is an own draft). Thông tư 03/2025/TT-VPCP of 15/9/2025 (guiding Nghị định
// 118/2025/NĐ-CP), Appendix I: Mẫu 01–07, the apology renamed, a stop notice added as 05, the register renumbered
// 07. Sources: the circulars' texts as republished on hethongphapluat.com, thuvienphapluat.vn and
// thuviennhadat.vn. (verify) that 03/2025 took effect on its signing date, 15/9/2025: between 1/7/2025
// (Decree 118) and then, counters kept the 2018 forms. The earliest set also serves dossiers before 2019.
export const formSets: readonly FormSet[] = [
  {
    circular: 'Thông tư 01/2018/TT-VPCP',
    from: '2019-01-06',
    titles: {
      receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
      refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
      apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
      'stop-notice': 'Thông báo',
      'control-slip': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
      register: 'Sổ theo dõi hồ sơ',
    },
    numbers: {
      receipt: '01',
      'supplement-request': '02',
      refusal: '03',
      apology: '04',
      'control-slip': '05',
      register: '06',
    },
    registerColumns,
  },
  {
    circular: 'Thông tư 03/2025/TT-VPCP',
    from: '2025-09-15',
    titles: {
      receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
      refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
      apology: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
      'stop-notice': 'Thông báo dừng giải quyết hồ sơ',
      'control-slip': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
      register: 'Sổ theo dõi hồ sơ',
    },
    numbers: {
      receipt: '01',
      'supplement-request': '02',
      refusal: '03',
      apology: '04',
      'stop-notice': '05',
      'control-slip': '06',
      register: '07',
    },
    registerColumns,
  },
]

/**
 * The set of forms in force on a day (Vietnam time).
 * @example formSetOn(new Date('2024-05-06T09:00:00+07:00')).circular // 'Thông tư 01/2018/TT-VPCP'
 */
export function formSetOn(at: Date): FormSet {
  const day = vietnamDate(at)
  return formSets.findLast((set) => set.from <= day) ?? formSets[0]!
}

/**
 * The set a dossier's slips follow: the one in force on its reception date, or its submission date if it was
 * never received.
 * @example formSetOf({ receivedAt: null, submittedAt: new Date('2026-03-02T10:00:00+07:00') }).numbers.register // '07'
 */
export const formSetOf = (dossier: { receivedAt: Date | null; submittedAt: Date }): FormSet =>
  formSetOn(dossier.receivedAt ?? dossier.submittedAt)

const kinds = Object.keys(formSets[0]!.titles) as SlipKind[]

/**
 * The kind a requested form names in a set: its number there ('05'), or the kind itself ('control-slip').
 * @example slipKindIn('05', formSets[0]!) // 'control-slip'
 */
export function slipKindIn(form: string, set: FormSet): SlipKind | undefined {
  if ((kinds as string[]).includes(form)) return form as SlipKind
  return kinds.find((kind) => set.numbers[kind] === form)
}

/** Whether a text can name a form in some set: a number of any set, or a kind. */
export const isSlipForm = (value: unknown): value is string =>
  typeof value === 'string' && formSets.some((set) => slipKindIn(value, set) !== undefined)
