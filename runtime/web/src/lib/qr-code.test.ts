import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { encodeQr, penalty, type QrLevel, qrPath } from './qr-code'

// The `qrcode` package (used by the runtime for printed slips) is the reference.
function reference(text: string, level: QrLevel, mask?: number, version?: number) {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: level,
    ...(mask === undefined ? {} : { maskPattern: mask as QRCode.QRCodeMaskPattern }),
    ...(version === undefined ? {} : { version }),
  })
  const size = qr.modules.size
  const rows = Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => qr.modules.get(y, x) === 1),
  )
  return { version: qr.version, size, mask: qr.maskPattern as number, rows }
}

const samples = [
  'A',
  'http://127.0.0.1:3456/tra-cuu/000.00.21.H49-261128-0001',
  'https://dichvucong.quangninh.gov.vn/tra-cuu/000.00.12.H49-251231-0042',
  'Mã hồ sơ: 000.00.21.H49-261128-0001 — Đăng ký khai sinh',
  'x'.repeat(150),
  'y'.repeat(300),
]

describe('the QR encoder', () => {
  it.each(samples)('matches the reference module for module with every mask: %s', (text) => {
    for (const level of ['L', 'M', 'Q', 'H'] as const) {
      for (const mask of [0, 3, 5, 7]) {
        const ours = encodeQr(text, { level, mask })
        const ref = reference(text, level, mask, ours.version)
        expect(ours.version, `${level}/${mask}`).toBe(reference(text, level).version)
        expect(ours.modules, `${level}/${mask}`).toEqual(ref.rows)
      }
    }
  })

  it('picks a low-penalty mask', () => {
    for (const text of samples) {
      const ours = encodeQr(text)
      const worst = Math.max(...[0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, { mask }).modules)))
      expect(penalty(ours.modules)).toBeLessThan(worst)
    }
  })

  it('draws an SVG path with a quiet zone', () => {
    const qr = encodeQr('A', { mask: 0 })
    expect(qr.size).toBe(21)
    expect(qrPath(qr).startsWith('M4 4h1v1h-1z')).toBe(true)
  })
})
