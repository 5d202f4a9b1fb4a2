import type { DossierChange, DossierSnapshot } from '@motcua/plugin-sdk'
import { toPortalTime } from './vietnam-time'

// Field names follow the national portal's dossier synchronisation ("DongBoHoSoMC") and progress update
// ("CapNhatTienDoHoSoMC") items as two public connectors write them; see the README for the sources and
// for which values are still to be verified. Every value is a string, as the portal expects.

/** One fee or charge (phí, lệ phí) of the dossier. */
export interface NationalFee {
  TenPhiLePhi: string
  MaPhiLePhi: string
  HinhThucThu: string
  Gia: string
  LoaiPhiLePhi: string
}

/** One step of the processing history (quá trình xử lý): the change that caused this message. */
export interface NationalProgress {
  MaHoSo: string
  NguoiXuLy: string
  ChucDanh: string
  ThoiDiemXuLy: string
  PhongBanXuLy: string
  NoiDungXuLy: string
  TrangThai: string
  NgayBatDau: string
  NgayKetThucTheoQuyDinh: string
}

/** An identity paper of the dossier's owner (định danh chủ hồ sơ). */
export interface NationalIdentity {
  LoaiDinhDanh: string
  SoDinhDanh: string
}

/** A dossier in the national portal's dossier-sync shape. */
export interface NationalDossier {
  MaHoSo: string
  MaTTHC: string
  TenTTHC: string
  MaLinhVuc: string
  TenLinhVuc: string
  /** 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
  KenhThucHien: string
  ChuHoSo: string
  /** 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác. */
  LoaiDoiTuong: string
  MaDoiTuong: string
  SoGiayToChuHoSo: string
  DinhDanhCHS: NationalIdentity[]
  ThongTinKhac: string
  Email: string
  Fax: string
  SoDienThoai: string
  TrichYeuHoSo: string
  NgayNopHoSo: string
  NgayTiepNhan: string
  NgayHenTra: string
  /** The national public status, 1–10. */
  TrangThaiHoSo: string
  NgayTra: string
  ThongTinTra: string
  /** How the result is returned: 0 at the counter, 1 by post. */
  HinhThuc: string
  NgayKetThucXuLy: string
  NgayTuChoi: string
  DonViXuLy: string
  GhiChu: string
  NoiNopHoSo: string
  HoSoCoThanhPhanSoHoa: string
  TaiKhoanDuocXacThucVoiVNeID: string
  DuocThanhToanTrucTuyen: string
  TaiLieuNop: never[]
  DanhSachLePhi: NationalFee[]
  DanhSachGiayToKetQua: never[]
  QuaTrinhXuLy: NationalProgress[]
  /** The province's code, when the unit's configuration gives one. */
  MaTinh?: string
}

/** What each action is called in the processing history when the workflow step gave no label. */
const actionNames: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  receive: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển xử lý',
  approve: 'Phê duyệt',
  sendBack: 'Trả lại bước trước',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  acceptSupplement: 'Tiếp nhận hồ sơ bổ sung',
  requestPayment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  confirmPayment: 'Xác nhận đã nộp phí, lệ phí',
  extend: 'Gia hạn, hẹn lại ngày trả kết quả',
  stop: 'Dừng xử lý',
  return: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
}

// The portal's processing-history person field is short (a public connector cuts it at 50 characters).
const short = (text: string, max = 50) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** A 12-digit personal identification number or a 9-digit old identity card number (verify the codes). */
function identities(idNumber: string | undefined): NationalIdentity[] {
  const id = idNumber?.replace(/\s+/g, '') ?? ''
  if (/^\d{12}$/.test(id)) return [{ LoaiDinhDanh: '1', SoDinhDanh: id }]
  if (/^\d{9}$/.test(id)) return [{ LoaiDinhDanh: '2', SoDinhDanh: id }]
  return []
}

/**
 * The change a filing is, for `onSubmit` (which receives no change of its own): status 1 (Mới đăng ký) in the
 * history even when the dossier, entered at the counter, is already 2 (its reception follows as its own change).
 */
export function submission(dossier: DossierSnapshot): DossierChange {
  return {
    action: 'submit',
    actionKey: null,
    label: null,
    fromStatus: null,
    toStatus: 1,
    at: dossier.submittedAt,
    note: null,
    data: {},
  }
}

/** The processing-history entry for one change. */
export function toNationalProgress(dossier: DossierSnapshot, change: DossierChange): NationalProgress {
  const byApplicant = change.action === 'submit' || change.action === 'withdraw'
  return {
    MaHoSo: dossier.receiptCode,
    NguoiXuLy: short(byApplicant ? dossier.applicant.fullName : dossier.unit.name),
    ChucDanh: '',
    ThoiDiemXuLy: toPortalTime(change.at),
    PhongBanXuLy: '',
    NoiDungXuLy: change.label ?? actionNames[change.action] ?? change.action,
    TrangThai: String(change.toStatus),
    NgayBatDau: '',
    NgayKetThucTheoQuyDinh: '',
  }
}

/**
 * Maps a dossier snapshot and the change just made to it to the national portal's dossier-sync item.
 * @example toNationalDossier(dossier, change, { maTinh: '22' }).TrangThaiHoSo // '4'
 */
export function toNationalDossier(
  dossier: DossierSnapshot,
  change: DossierChange,
  options: { maTinh?: string } = {},
): NationalDossier {
  const { applicant } = dossier
  return {
    MaHoSo: dossier.receiptCode,
    MaTTHC: dossier.procedure.code,
    TenTTHC: dossier.procedure.name,
    MaLinhVuc: '',
    TenLinhVuc: '',
    KenhThucHien: String(dossier.channel),
    ChuHoSo: applicant.fullName,
    LoaiDoiTuong: '1',
    MaDoiTuong: '',
    SoGiayToChuHoSo: applicant.idNumber ?? '',
    DinhDanhCHS: identities(applicant.idNumber),
    ThongTinKhac: '',
    Email: applicant.email ?? '',
    Fax: '',
    SoDienThoai: applicant.phone ?? '',
    TrichYeuHoSo: dossier.procedure.name,
    NgayNopHoSo: toPortalTime(dossier.submittedAt),
    NgayTiepNhan: toPortalTime(dossier.receivedAt),
    NgayHenTra: toPortalTime(dossier.dueAt),
    TrangThaiHoSo: String(dossier.status),
    NgayTra: toPortalTime(dossier.returnedAt),
    ThongTinTra: '',
    HinhThuc: dossier.channel === 3 ? '1' : '0',
    NgayKetThucXuLy: toPortalTime(dossier.doneAt),
    NgayTuChoi: change.toStatus === 3 ? toPortalTime(change.at) : '',
    DonViXuLy: dossier.unit.name,
    GhiChu: change.note ?? '',
    NoiNopHoSo: '2',
    HoSoCoThanhPhanSoHoa: '0',
    TaiKhoanDuocXacThucVoiVNeID: '0',
    DuocThanhToanTrucTuyen: '0',
    TaiLieuNop: [],
    DanhSachLePhi: dossier.fees.map((fee) => ({
      TenPhiLePhi: fee.name,
      MaPhiLePhi: fee.key,
      HinhThucThu: '1',
      Gia: String(fee.amount),
      LoaiPhiLePhi: '1',
    })),
    DanhSachGiayToKetQua: [],
    QuaTrinhXuLy: [toNationalProgress(dossier, change)],
    ...(options.maTinh ? { MaTinh: options.maTinh } : {}),
  }
}
