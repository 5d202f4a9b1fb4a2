import type { DossierChange, DossierSnapshot, OutboxMessage } from '@motcua/plugin-sdk'
import { describe, expect, it } from 'vitest'
import plugin, { TOPIC } from './index'
import { toNationalDossier } from './national-dossier'
import { toPortalTime } from './vietnam-time'

const dossier: DossierSnapshot = {
  receiptCode: '000.01.21.H49-251128-0001',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh', version: 3 },
  unit: { code: 'xa-dong-mai', name: 'UBND phường Đông Mai', electronicId: '000.01.21.H49' },
  channel: 2,
  status: 4,
  statusName: 'Đang xử lý',
  currentStep: 'tham_dinh',
  applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '022190001234', phone: '0912345678', email: 'lan@example.vn' },
  submittedAt: '2025-11-27T16:45:10.000Z', // 23:45:10 on the 27th in Vietnam
  receivedAt: '2025-11-28T01:30:00.000Z', // 08:30 on the 28th
  dueAt: '2025-11-28T10:00:00.000Z', // 17:00 on the 28th
  doneAt: null,
  returnedAt: null,
  fees: [{ key: 'le_phi', name: 'Lệ phí đăng ký khai sinh', amount: 8000 }],
  form: null,
}

const change: DossierChange = {
  action: 'forward',
  actionKey: 'chuyen_tham_dinh',
  label: 'Chuyển thẩm định',
  fromStatus: 2,
  toStatus: 4,
  at: '2025-11-28T02:05:00.000Z',
  note: 'Hồ sơ đầy đủ',
  data: {},
}

const ctx = { config: { url: 'https://dvc.example.vn/sync', maTinh: '22' }, unitCode: 'xa-dong-mai' }

/** The one message a hook returned. */
function onlyMessage(messages: OutboxMessage[] | void): { topic: string; payload: Record<string, unknown> } {
  expect(messages).toHaveLength(1)
  return (messages as OutboxMessage[])[0] as { topic: string; payload: Record<string, unknown> }
}

describe('toPortalTime', () => {
  it('writes yyyyMMddHHmmss in Vietnam time (UTC+7), whatever the host zone', () => {
    expect(toPortalTime('2025-11-28T01:30:00.000Z')).toBe('20251128083000')
    expect(toPortalTime('2025-12-31T17:00:00Z')).toBe('20260101000000') // new year in Vietnam, still 31 Dec in UTC
    expect(toPortalTime('2025-06-01T09:15:42+07:00')).toBe('20250601091542')
  })

  it('leaves absent dates empty and refuses garbage', () => {
    expect(toPortalTime(null)).toBe('')
    expect(toPortalTime(undefined)).toBe('')
    expect(() => toPortalTime('28/11/2025')).toThrow(RangeError)
  })
})

describe('toNationalDossier', () => {
  it('maps a sample snapshot to the national dossier-sync shape', () => {
    expect(toNationalDossier(dossier, change, { maTinh: '22' })).toEqual({
      MaHoSo: '000.01.21.H49-251128-0001',
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: '',
      TenLinhVuc: '',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Thị Lan',
      LoaiDoiTuong: '1',
      MaDoiTuong: '',
      SoGiayToChuHoSo: '022190001234',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '022190001234' }],
      ThongTinKhac: '',
      Email: 'lan@example.vn',
      Fax: '',
      SoDienThoai: '0912345678',
      TrichYeuHoSo: 'Đăng ký khai sinh',
      NgayNopHoSo: '20251127234510',
      NgayTiepNhan: '20251128083000',
      NgayHenTra: '20251128170000',
      TrangThaiHoSo: '4',
      NgayTra: '',
      ThongTinTra: '',
      HinhThuc: '0',
      NgayKetThucXuLy: '',
      NgayTuChoi: '',
      DonViXuLy: 'UBND phường Đông Mai',
      GhiChu: 'Hồ sơ đầy đủ',
      NoiNopHoSo: '2',
      HoSoCoThanhPhanSoHoa: '0',
      TaiKhoanDuocXacThucVoiVNeID: '0',
      DuocThanhToanTrucTuyen: '0',
      TaiLieuNop: [],
      DanhSachLePhi: [
        {
          TenPhiLePhi: 'Lệ phí đăng ký khai sinh',
          MaPhiLePhi: 'le_phi',
          HinhThucThu: '1',
          Gia: '8000',
          LoaiPhiLePhi: '1',
        },
      ],
      DanhSachGiayToKetQua: [],
      QuaTrinhXuLy: [
        {
          MaHoSo: '000.01.21.H49-251128-0001',
          NguoiXuLy: 'UBND phường Đông Mai',
          ChucDanh: '',
          ThoiDiemXuLy: '20251128090500',
          PhongBanXuLy: '',
          NoiDungXuLy: 'Chuyển thẩm định',
          TrangThai: '4',
          NgayBatDau: '',
          NgayKetThucTheoQuyDinh: '',
        },
      ],
      MaTinh: '22',
    })
  })

  it('carries the channel: counter, online, public postal service', () => {
    for (const channel of [1, 2, 3] as const) {
      const national = toNationalDossier({ ...dossier, channel }, change)
      expect(national.KenhThucHien).toBe(String(channel))
      expect(national.HinhThuc).toBe(channel === 3 ? '1' : '0')
    }
  })

  it('fills the end dates of a returned dossier and the refusal date of a refused one', () => {
    const returned = toNationalDossier(
      { ...dossier, status: 10, doneAt: '2025-11-28T08:00:00Z', returnedAt: '2025-11-28T09:10:11Z' },
      { ...change, action: 'return', label: null, fromStatus: 9, toStatus: 10, at: '2025-11-28T09:10:11Z', note: null },
    )
    expect(returned).toMatchObject({
      TrangThaiHoSo: '10',
      NgayKetThucXuLy: '20251128150000',
      NgayTra: '20251128161011',
      NgayTuChoi: '',
      GhiChu: '',
    })
    expect(returned.QuaTrinhXuLy[0]).toMatchObject({ NoiDungXuLy: 'Trả kết quả', TrangThai: '10' })

    const refused = toNationalDossier(
      { ...dossier, status: 3 },
      { ...change, action: 'refuse', label: null, toStatus: 3, note: 'Sai thẩm quyền' },
    )
    expect(refused).toMatchObject({ TrangThaiHoSo: '3', NgayTuChoi: '20251128090500', GhiChu: 'Sai thẩm quyền' })
  })

  it('omits what the snapshot does not know: no MaTinh without config, no identity for an odd number', () => {
    const national = toNationalDossier(
      { ...dossier, applicant: { fullName: 'Trần Văn Bình', idNumber: 'B1234567' } },
      change,
    )
    expect(national).not.toHaveProperty('MaTinh')
    expect(national).toMatchObject({ SoGiayToChuHoSo: 'B1234567', DinhDanhCHS: [], Email: '', SoDienThoai: '' })
    expect(
      toNationalDossier({ ...dossier, applicant: { fullName: 'A', idNumber: '012345678' } }, change).DinhDanhCHS,
    ).toEqual([{ LoaiDinhDanh: '2', SoDinhDanh: '012345678' }])
  })
})

describe('the hooks', () => {
  it('onSubmit sends one message, the filing as its processing step', () => {
    const submitted = { ...dossier, status: 1, statusName: 'Mới đăng ký', receivedAt: null, dueAt: null }
    const message = onlyMessage(plugin.hooks!.onSubmit!(ctx, submitted))
    expect(message.topic).toBe(TOPIC)
    expect(message.payload).toMatchObject({
      MaHoSo: submitted.receiptCode,
      TrangThaiHoSo: '1',
      NgayNopHoSo: '20251127234510',
      NgayTiepNhan: '',
      MaTinh: '22',
    })
    expect(message.payload.QuaTrinhXuLy).toEqual([
      expect.objectContaining({
        NguoiXuLy: 'Nguyễn Thị Lan',
        NoiDungXuLy: 'Nộp hồ sơ',
        TrangThai: '1',
        ThoiDiemXuLy: '20251127234510',
      }),
    ])
  })

  it('a counter filing, received at once, is 2 (Được tiếp nhận) while its filing stays 1 in the history', () => {
    const atCounter = { ...dossier, channel: 1 as const, status: 2, statusName: 'Được tiếp nhận' }
    const message = onlyMessage(plugin.hooks!.onSubmit!(ctx, atCounter))
    expect(message.payload).toMatchObject({ TrangThaiHoSo: '2', NgayTiepNhan: '20251128083000' })
    expect(message.payload.QuaTrinhXuLy).toEqual([
      expect.objectContaining({ NoiDungXuLy: 'Nộp hồ sơ', TrangThai: '1' }),
    ])
    const received = plugin.hooks!.afterAction!(ctx, atCounter, {
      ...change,
      action: 'receive',
      label: null,
      fromStatus: 1,
      toStatus: 2,
    })
    expect(onlyMessage(received).payload.QuaTrinhXuLy).toEqual([
      expect.objectContaining({ NoiDungXuLy: 'Tiếp nhận hồ sơ', TrangThai: '2' }),
    ])
  })

  it('afterAction sends one message per change, with the new status', () => {
    const messages = plugin.hooks!.afterAction!(
      ctx,
      { ...dossier, status: 5 },
      { ...change, action: 'requestSupplement', label: null, toStatus: 5 },
    )
    expect(messages).toEqual([
      {
        topic: TOPIC,
        payload: expect.objectContaining({
          TrangThaiHoSo: '5',
          QuaTrinhXuLy: [expect.objectContaining({ NoiDungXuLy: 'Yêu cầu bổ sung hồ sơ', TrangThai: '5' })],
        }),
      },
    ])
  })

  it('the payload survives the outbox (JSON) unchanged', () => {
    const message = onlyMessage(plugin.hooks!.afterAction!(ctx, dossier, change))
    expect(JSON.parse(JSON.stringify(message.payload))).toEqual(message.payload)
  })
})
