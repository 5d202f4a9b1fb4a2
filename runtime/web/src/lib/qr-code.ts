// A small QR code encoder (ISO/IEC 18004, byte mode), enough for a tracking link on a receipt.
// It follows the structure of Project Nayuki's reference implementation (MIT); no dependency, ~4 KB minified.

/** Error correction levels: L (7 %), M (15 %), Q (25 %), H (30 %). */
export type QrLevel = 'L' | 'M' | 'Q' | 'H'

const LEVEL_INDEX: Record<QrLevel, number> = { L: 0, M: 1, Q: 2, H: 3 }
const FORMAT_BITS: Record<QrLevel, number> = { L: 1, M: 0, Q: 3, H: 2 }

// Per version 1–40 (index 0 unused), for L, M, Q, H.
const ECC_PER_BLOCK = [
  [
    -1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  [
    -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  ],
  [
    -1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  [
    -1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
] as const
const ECC_BLOCKS = [
  [
    -1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19,
    19, 20, 21, 22, 24, 25,
  ],
  [
    -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31,
    33, 35, 37, 38, 40, 43, 45, 47, 49,
  ],
  [
    -1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43,
    45, 48, 51, 53, 56, 59, 62, 65, 68,
  ],
  [
    -1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48,
    51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
  ],
] as const

const bit = (value: number, i: number) => ((value >>> i) & 1) !== 0

function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2
    result -= (25 * align - 10) * align - 55
    if (version >= 7) result -= 36
  }
  return result
}

const dataCodewords = (version: number, level: number) =>
  Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[level]![version]! * ECC_BLOCKS[level]![version]!

function gfMultiply(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j]!, root)
      if (j + 1 < degree) result[j]! ^= result[j + 1]!
    }
    root = gfMultiply(root, 0x02)
  }
  return result
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = divisor.map(() => 0)
  for (const b of data) {
    const factor = b ^ result.shift()!
    result.push(0)
    divisor.forEach((coef, i) => (result[i]! ^= gfMultiply(coef, factor)))
  }
  return result
}

function encodeData(bytes: Uint8Array, version: number, level: number): number[] {
  const bits: number[] = []
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  push(0b0100, 4)
  push(bytes.length, version < 10 ? 8 : 16)
  for (const b of bytes) push(b, 8)
  const capacity = dataCodewords(version, level) * 8
  push(0, Math.min(4, capacity - bits.length))
  push(0, (8 - (bits.length % 8)) % 8)
  const codewords: number[] = []
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0))
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad)
  return codewords
}

function withErrorCorrection(data: number[], version: number, level: number): number[] {
  const blocks = ECC_BLOCKS[level]![version]!
  const eccLength = ECC_PER_BLOCK[level]![version]!
  const raw = Math.floor(rawDataModules(version) / 8)
  const shortBlocks = blocks - (raw % blocks)
  const shortLength = Math.floor(raw / blocks)
  const divisor = rsDivisor(eccLength)
  const all: number[][] = []
  for (let i = 0, k = 0; i < blocks; i++) {
    const dat = data.slice(k, k + shortLength - eccLength + (i < shortBlocks ? 0 : 1))
    k += dat.length
    const ecc = rsRemainder(dat, divisor)
    if (i < shortBlocks) dat.push(0)
    all.push(dat.concat(ecc))
  }
  const result: number[] = []
  for (let i = 0; i < all[0]!.length; i++) {
    all.forEach((block, j) => {
      if (i !== shortLength - eccLength || j >= shortBlocks) result.push(block[i]!)
    })
  }
  return result
}

function alignmentPositions(version: number): number[] {
  if (version === 1) return []
  const count = Math.floor(version / 7) + 2
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2
  const result = [6]
  for (let pos = version * 4 + 17 - 7; result.length < count; pos -= step) result.splice(1, 0, pos)
  return result
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

class Matrix {
  readonly modules: boolean[][]
  readonly isFunction: boolean[][]
  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
    this.isFunction = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  }
  setFunction(x: number, y: number, dark: boolean) {
    this.modules[y]![x] = dark
    this.isFunction[y]![x] = true
  }
}

function drawFunctionPatterns(m: Matrix, version: number) {
  const { size } = m
  for (let i = 0; i < size; i++) {
    m.setFunction(6, i, i % 2 === 0)
    m.setFunction(i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const dist = Math.max(Math.abs(dx), Math.abs(dy))
        const x = cx + dx
        const y = cy + dy
        if (x >= 0 && x < size && y >= 0 && y < size) m.setFunction(x, y, dist !== 2 && dist !== 4)
      }
    }
  }
  const positions = alignmentPositions(version)
  const n = positions.length
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) continue
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++)
          m.setFunction(positions[i]! + dx, positions[j]! + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
      }
    }
  }
  if (version >= 7) {
    let rem = version
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
    const bits = (version << 12) | rem
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      m.setFunction(a, b, bit(bits, i))
      m.setFunction(b, a, bit(bits, i))
    }
  }
}

function drawFormatBits(m: Matrix, level: QrLevel, mask: number) {
  const data = (FORMAT_BITS[level] << 3) | mask
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  const bits = ((data << 10) | rem) ^ 0x5412
  const { size } = m
  for (let i = 0; i <= 5; i++) m.setFunction(8, i, bit(bits, i))
  m.setFunction(8, 7, bit(bits, 6))
  m.setFunction(8, 8, bit(bits, 7))
  m.setFunction(7, 8, bit(bits, 8))
  for (let i = 9; i < 15; i++) m.setFunction(14 - i, 8, bit(bits, i))
  for (let i = 0; i < 8; i++) m.setFunction(size - 1 - i, 8, bit(bits, i))
  for (let i = 8; i < 15; i++) m.setFunction(8, size - 15 + i, bit(bits, i))
  m.setFunction(8, size - 8, true)
}

function drawCodewords(m: Matrix, data: number[]) {
  const { size } = m
  let i = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const upward = ((right + 1) & 2) === 0
        const y = upward ? size - 1 - vert : vert
        if (!m.isFunction[y]![x] && i < data.length * 8) {
          m.modules[y]![x] = bit(data[i >>> 3]!, 7 - (i & 7))
          i++
        }
      }
    }
  }
}

function applyMask(m: Matrix, mask: number) {
  const test = MASKS[mask]!
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) if (!m.isFunction[y]![x] && test(x, y)) m.modules[y]![x] = !m.modules[y]![x]
  }
}

/** The penalty of a masked symbol (rules N1–N4 of the standard); the lowest wins. */
export function penalty(modules: boolean[][]): number {
  const size = modules.length
  const at = (x: number, y: number, horizontal: boolean) => (horizontal ? modules[y]![x]! : modules[x]![y]!)
  let score = 0
  for (const horizontal of [true, false]) {
    for (let a = 0; a < size; a++) {
      let run = 1
      for (let b = 1; b <= size; b++) {
        if (b < size && at(b, a, horizontal) === at(b - 1, a, horizontal)) run++
        else {
          if (run >= 5) score += 3 + (run - 5)
          run = 1
        }
      }
      // N3: 1:1:3:1:1 dark-light-dark-dark-dark-light-dark with four light modules on one side.
      for (let b = 0; b + 10 < size; b++) {
        let word = 0
        for (let k = 0; k < 11; k++) word = (word << 1) | (at(b + k, a, horizontal) ? 1 : 0)
        if (word === 0b10111010000 || word === 0b00001011101) score += 40
      }
    }
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = modules[y]![x]
      if (c === modules[y]![x + 1] && c === modules[y + 1]![x] && c === modules[y + 1]![x + 1]) score += 3
    }
  }
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0)
  score += Math.floor(Math.abs((dark * 20) / (size * size) - 10)) * 10
  return score
}

/** A QR code: `modules[y][x]` is true for a dark module. */
export interface QrCode {
  version: number
  size: number
  mask: number
  modules: boolean[][]
}

/**
 * Encodes text (UTF-8, byte mode) in the smallest version that holds it at the given level.
 * @example encodeQr('https://dichvucong.quangninh.gov.vn/tra-cuu/000.00.21.H49-261128-0001').size // 37
 */
export function encodeQr(text: string, options: { level?: QrLevel; mask?: number; minVersion?: number } = {}): QrCode {
  const level = options.level ?? 'M'
  const li = LEVEL_INDEX[level]
  const bytes = new TextEncoder().encode(text)
  let version = options.minVersion ?? 1
  for (; version <= 40; version++) {
    const needed = 4 + (version < 10 ? 8 : 16) + bytes.length * 8
    if (needed <= dataCodewords(version, li) * 8) break
  }
  if (version > 40) throw new RangeError('Text too long for a QR code')
  const codewords = withErrorCorrection(encodeData(bytes, version, li), version, li)
  const build = (mask: number) => {
    const m = new Matrix(version * 4 + 17)
    drawFunctionPatterns(m, version)
    drawFormatBits(m, level, 0)
    drawCodewords(m, codewords)
    applyMask(m, mask)
    drawFormatBits(m, level, mask)
    return m
  }
  let best = options.mask
  if (best === undefined) {
    let lowest = Infinity
    for (let mask = 0; mask < 8; mask++) {
      const score = penalty(build(mask).modules)
      if (score < lowest) {
        lowest = score
        best = mask
      }
    }
  }
  const m = build(best!)
  return { version, size: m.size, mask: best!, modules: m.modules }
}

/**
 * The code as one SVG path (`M x y h1 v1 h-1 z` per dark module), with a 4-module quiet zone.
 * @example <svg viewBox={`0 0 ${qr.size + 8} ${qr.size + 8}`}><path d={qrPath(qr)} /></svg>
 */
export function qrPath(qr: QrCode, quiet = 4): string {
  let d = ''
  qr.modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`
    }),
  )
  return d
}
