/** A colour as red, green and blue from 0 to 255. */
export type Rgb = [number, number, number]

/**
 * Reads `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgba(r, g, b, a)` (the alpha is ignored).
 * @example parseColour('#0b0c0c') // [11, 12, 12]
 */
export function parseColour(text: string): Rgb {
  const value = text.trim().toLowerCase()
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value)
  if (short) return [short[1]!, short[2]!, short[3]!].map((h) => Number.parseInt(h + h, 16)) as Rgb
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value)
  if (long) return [long[1]!, long[2]!, long[3]!].map((h) => Number.parseInt(h, 16)) as Rgb
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(value)
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])]
  throw new Error(`not a colour: ${text}`)
}

// WCAG 2.2's relative luminance of an sRGB colour
const luminance = ([r, g, b]: Rgb) => {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/**
 * The WCAG contrast ratio of two colours, from 1 to 21 (3 is the least for borders and focus rings, WCAG 1.4.11).
 * @example contrastRatio('#ffffff', '#000000') // 21
 */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [la, lb] = [a, b].map((c) => luminance(typeof c === 'string' ? parseColour(c) : c)) as [number, number]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}
