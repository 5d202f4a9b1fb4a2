import { useMemo } from 'react'
import { encode } from 'uqr'

/** Error correction levels: L (7 %), M (15 %), Q (25 %), H (30 %). */
export type QrLevel = 'L' | 'M' | 'Q' | 'H'

/** A QR code's modules (`true` for dark), row by row, without its quiet zone. */
export type QrModules = boolean[][]

const QUIET = 4

/**
 * Encodes `text` (UTF-8) as a QR code with uqr, the encoder the server prints slips with.
 * @example const modules = encodeQr('https://…/tra-cuu/000.00.21.H49-261128-0001')
 */
export const encodeQr = (text: string, level: QrLevel = 'M'): QrModules => encode(text, { ecc: level, border: 0 }).data

// One SVG path for every dark module, each a unit square, offset by the quiet zone.
const qrPath = (modules: QrModules): string =>
  modules.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + QUIET},${y + QUIET}h1v1h-1z` : ''))).join('')

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
  const modules = useMemo(() => encodeQr(text, level), [text, level])
  const size = modules.length + 2 * QUIET
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  )
}

/**
 * The code as a PNG (black on white, `scale` pixels a module, 4-module quiet zone), for a banking app to read
 * from the phone's photos when the code is on the same phone.
 */
export function qrPng(modules: QrModules, scale = 10): Promise<Blob> {
  const size = (modules.length + 2 * QUIET) * scale
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const g = canvas.getContext('2d')!
  g.fillStyle = '#fff'
  g.fillRect(0, 0, size, size)
  g.fillStyle = '#000'
  modules.forEach((row, y) =>
    row.forEach((dark, x) => dark && g.fillRect((x + QUIET) * scale, (y + QUIET) * scale, scale, scale)),
  )
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'),
  )
}
