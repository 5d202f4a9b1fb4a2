import type { ProcedureDefinition } from './procedure-definition.generated'

/** A valid definition exercising every part of the format (a fresh copy on each call); tests break it. */
export function sampleDefinition(): ProcedureDefinition {
  return structuredClone(sample)
}

const sample: ProcedureDefinition = {
  schemaVersion: 1,
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  nameEn: 'Certifying copies against originals',
  level: 'commune',
  field: 'Chứng thực',
  agency: 'Ủy ban nhân dân cấp xã',
  applicants: ['citizen', 'organisation'],
  legalBasis: [{ title: 'Nghị định 23/2015/NĐ-CP' }],
  source: { note: 'Test fixture', retrieved: '2025-02-25' },
  effective: { from: '2015-04-10', to: null },
  onlineMode: { mode: 'partial', legacyLevel: 3 },
  processingTime: { kind: 'sameDay', cutoff: '15:00', text: 'Trong ngày; sau 15 giờ thì ngày làm việc tiếp theo' },
  form: {
    schema: {
      type: 'object',
      required: ['nguoi_yeu_cau', 'so_trang', 'so_ban'],
      properties: {
        nguoi_yeu_cau: {
          type: 'object',
          required: ['ho_ten', 'cccd'],
          properties: {
            ho_ten: { type: 'string', minLength: 1 },
            cccd: { type: 'string', format: 'cccd' },
            la_nguoi_uy_quyen: { type: 'boolean' },
          },
        },
        so_trang: { type: 'integer', minimum: 1 },
        so_ban: { type: 'integer', minimum: 1 },
        can_xac_minh: { type: 'boolean' },
        giay_to: {
          type: 'array',
          items: { type: 'object', properties: { ten: { type: 'string' }, so_trang: { type: 'integer' } } },
        },
      },
    },
    uiSchema: { 'ui:order': ['nguoi_yeu_cau', 'so_trang', 'so_ban', '*'] },
  },
  components: [
    { key: 'ban_chinh', name: 'Bản chính giấy tờ', required: true, originals: 1, copies: 0 },
    {
      key: 'van_ban_uy_quyen',
      name: 'Văn bản ủy quyền',
      required: true,
      accept: ['application/pdf'],
      maxSizeMB: 10,
      when: { '==': [{ var: 'form.nguoi_yeu_cau.la_nguoi_uy_quyen' }, true] },
    },
    { key: 'giay_to_khac', name: 'Giấy tờ khác', required: false },
  ],
  fees: [
    {
      key: 'phi_chung_thuc',
      name: 'Phí chứng thực',
      // 2,000 đ for each of the first two pages, 1,000 đ from page 3, at most 200,000 đ per copy.
      rule: {
        '*': [
          { var: 'form.so_ban' },
          {
            min: [
              200000,
              {
                '+': [
                  { '*': [{ min: [{ var: 'form.so_trang' }, 2] }, 2000] },
                  { '*': [{ max: [{ '-': [{ var: 'form.so_trang' }, 2] }, 0] }, 1000] },
                ],
              },
            ],
          },
        ],
      },
    },
    { key: 'le_phi', name: 'Lệ phí', amount: 0, note: 'Không thu' },
  ],
  cases: [
    {
      key: 'can_xac_minh',
      name: 'Cần xác minh',
      when: { '==': [{ var: 'form.can_xac_minh' }, true] },
      processingTime: { kind: 'workingDays', days: 5 },
      steps: [
        {
          key: 'tiep_nhan',
          name: 'Tiếp nhận',
          role: 'receiving_officer',
          status: 1,
          budget: { kind: 'workingHours', hours: 4 },
          actions: [
            { key: 'tiep_nhan', type: 'receive', label: 'Tiếp nhận', to: 'xac_minh' },
            { key: 'tu_choi', type: 'refuse', label: 'Từ chối', to: '$refused', requires: ['reason'] },
          ],
        },
        {
          key: 'xac_minh',
          name: 'Xác minh',
          role: 'specialist',
          status: 4,
          budget: { kind: 'workingDays', days: 4 },
          actions: [
            { key: 'xong', type: 'forward', label: 'Xác minh xong', to: 'tra_ket_qua' },
            { key: 'dung', type: 'stop', label: 'Dừng xử lý', to: '$stopped', requires: ['reason'] },
          ],
        },
        {
          key: 'tra_ket_qua',
          name: 'Trả kết quả',
          role: 'receiving_officer',
          status: 9,
          actions: [{ key: 'tra', type: 'return', label: 'Trả kết quả', to: '$returned' }],
        },
      ],
    },
  ],
  steps: [
    {
      key: 'tiep_nhan',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiving_officer',
      status: 1,
      budget: { kind: 'workingHours', hours: 1 },
      actions: [
        { key: 'tiep_nhan', type: 'receive', label: 'Tiếp nhận', to: 'xu_ly' },
        { key: 'tu_choi', type: 'refuse', label: 'Từ chối tiếp nhận', to: '$refused', requires: ['reason'] },
        { key: 'yeu_cau_bo_sung', type: 'requestSupplement', label: 'Yêu cầu bổ sung', requires: ['missingItems'] },
      ],
    },
    {
      key: 'xu_ly',
      name: 'Chứng thực',
      role: 'specialist',
      status: 4,
      budget: { kind: 'workingHours', hours: 4 },
      actions: [
        {
          key: 'trinh_ky',
          type: 'forward',
          label: 'Trình ký',
          to: 'phe_duyet',
          guard: { some: [{ var: 'form.giay_to' }, { '>': [{ var: 'so_trang' }, 0] }] },
        },
        { key: 'yeu_cau_nop_phi', type: 'requestPayment', label: 'Yêu cầu nộp phí', requires: ['amount'] },
      ],
    },
    {
      key: 'phe_duyet',
      name: 'Ký chứng thực',
      role: 'leader',
      status: 4,
      budget: { kind: 'workingHours', hours: 2 },
      actions: [
        { key: 'duyet', type: 'approve', label: 'Ký', to: 'tra_ket_qua' },
        { key: 'tra_lai', type: 'sendBack', label: 'Trả lại', to: 'xu_ly', requires: ['note'], roles: ['leader'] },
      ],
    },
    {
      key: 'tra_ket_qua',
      name: 'Trả kết quả',
      role: 'receiving_officer',
      status: 9,
      budget: { kind: 'workingHours', hours: 1 },
      actions: [{ key: 'tra', type: 'return', label: 'Trả kết quả', to: '$returned', requires: ['deliveryMethod'] }],
    },
  ],
  plugins: [{ slug: 'vietnam-qr-pay', config: { bank: 'VCB' } }],
}
