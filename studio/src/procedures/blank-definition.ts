import type { ProcedureDefinition } from '@motcua/core'

export interface BlankProcedure {
  code: string
  name: string
  level: string
  field: string
  /** The implementing agency as text (cơ quan thực hiện), e.g. the owner unit's name. */
  agency: string
  /** The first day it may take dossiers (YYYY-MM-DD). */
  from: string
}

const step = (
  key: string,
  name: string,
  role: string,
  status: number,
  hours: number,
  actions: ProcedureDefinition['steps'][number]['actions'],
) => ({ key, name, role, status, budget: { kind: 'workingHours' as const, hours }, actions })

/**
 * A new procedure with the usual one-stop path (tiếp nhận → xử lý → phê duyệt → trả kết quả), a form asking for
 * the applicant, no components and no fee: valid as it stands, for the administrator to complete in the editor.
 * @example blankDefinition({ code: '1.000001', name: 'Đăng ký…', level: 'commune', field: 'Hộ tịch', agency: 'UBND xã', from: '2026-12-01' })
 */
export function blankDefinition(p: BlankProcedure): ProcedureDefinition {
  return {
    schemaVersion: 1,
    code: p.code,
    name: p.name,
    level: p.level,
    field: p.field,
    agency: p.agency,
    legalBasis: [],
    effective: { from: p.from },
    onlineMode: { mode: 'partial' },
    processingTime: { kind: 'workingDays', days: 3 },
    form: {
      schema: {
        type: 'object',
        properties: {
          nguoi_yeu_cau: {
            type: 'object',
            title: 'Người yêu cầu',
            properties: {
              ho_ten: { type: 'string', title: 'Họ, chữ đệm và tên', minLength: 1, maxLength: 100 },
              so_dinh_danh: { type: 'string', format: 'cccd', title: 'Số định danh cá nhân (số căn cước)' },
              so_dien_thoai: { type: 'string', format: 'vn-mobile', title: 'Số điện thoại di động' },
            },
            required: ['ho_ten', 'so_dinh_danh', 'so_dien_thoai'],
          },
        },
        required: ['nguoi_yeu_cau'],
      },
    },
    components: [],
    fees: [],
    steps: [
      step('tiep_nhan', 'Tiếp nhận hồ sơ', 'receiving_officer', 1, 4, [
        { key: 'tiep_nhan', type: 'receive', label: 'Tiếp nhận hồ sơ, hẹn ngày trả kết quả', to: 'xu_ly' },
        { key: 'tu_choi', type: 'refuse', label: 'Từ chối tiếp nhận', to: '$refused', requires: ['reason'] },
        {
          key: 'yeu_cau_bo_sung',
          type: 'requestSupplement',
          label: 'Yêu cầu bổ sung hồ sơ',
          requires: ['missingItems'],
        },
      ]),
      step('xu_ly', 'Thẩm định, xử lý hồ sơ', 'specialist', 4, 8, [
        { key: 'trinh_ky', type: 'forward', label: 'Trình lãnh đạo phê duyệt', to: 'phe_duyet' },
        {
          key: 'dung_giai_quyet',
          type: 'stop',
          label: 'Dừng giải quyết, nêu rõ lý do',
          to: '$stopped',
          requires: ['reason'],
        },
      ]),
      step('phe_duyet', 'Lãnh đạo phê duyệt', 'leader', 4, 8, [
        { key: 'phe_duyet', type: 'approve', label: 'Phê duyệt', to: 'tra_ket_qua' },
        { key: 'tra_lai', type: 'sendBack', label: 'Trả lại chuyên viên xử lý lại', to: 'xu_ly', requires: ['note'] },
      ]),
      step('tra_ket_qua', 'Trả kết quả', 'receiving_officer', 9, 4, [
        { key: 'tra_ket_qua', type: 'return', label: 'Trả kết quả', to: '$returned', requires: ['deliveryMethod'] },
      ]),
    ],
  }
}
