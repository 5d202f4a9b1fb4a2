import { useMemo } from 'react'
import { encodeQr, type QrCode, type QrLevel, qrPath } from '../lib/qr-code'

/** A QR code drawn as one SVG path, with its quiet zone; `label` says what it holds (screen readers). */
export function QrImage({
  text,
  label,
  level = 'M',
  className = 'qr',
}: {
  text: string
  label: string
  level?: QrLevel
  className?: string
}) {
  const qr = useMemo(() => encodeQr(text, { level }), [text, level])
  const size = qr.size + 8
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(qr)} fill="#000" />
    </svg>
  )
}

/**
 * The code as a PNG (black on white, `scale` pixels a module, 4-module quiet zone), for a banking app to read
 * from the phone's photos when the code is on the same phone.
 */
export function qrPng(qr: QrCode, scale = 10): Promise<Blob> {
  const size = (qr.size + 8) * scale
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const g = canvas.getContext('2d')!
  g.fillStyle = '#fff'
  g.fillRect(0, 0, size, size)
  g.fillStyle = '#000'
  qr.modules.forEach((row, y) =>
    row.forEach((dark, x) => dark && g.fillRect((x + 4) * scale, (y + 4) * scale, scale, scale)),
  )
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'),
  )
}
