import { inflateSync } from 'node:zlib'

/** The objects of a PDF by number: their dictionary text and, for streams, the inflated content. */
function objects(pdf: Uint8Array): Map<number, { dict: string; stream?: string }> {
  const text = Buffer.from(pdf).toString('latin1')
  const found = new Map<number, { dict: string; stream?: string }>()
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!
    const at = body.indexOf('stream')
    if (at < 0) {
      found.set(Number(m[1]), { dict: body })
      continue
    }
    const dict = body.slice(0, at)
    let raw = body.slice(at + 'stream'.length).replace(/^\r?\n/, '')
    raw = raw.slice(0, raw.lastIndexOf('endstream')).replace(/\r?\n$/, '')
    const bytes = Buffer.from(raw, 'latin1')
    const stream = dict.includes('/FlateDecode') ? inflateSync(bytes).toString('latin1') : raw
    found.set(Number(m[1]), { dict, stream })
  }
  return found
}

/** A ToUnicode CMap as glyph code → text. */
function cmap(source: string): Map<number, string> {
  const map = new Map<number, string>()
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)))
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = Number.parseInt(m[1]!, 16)
      const to = Number.parseInt(m[2]!, 16)
      if (m[3]!.startsWith('['))
        [...m[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((v, i) => map.set(from + i, utf16(v[1]!)))
      else {
        const start = Number.parseInt(m[3]!.slice(1, -1), 16)
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(start + code - from))
      }
    }
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(Number.parseInt(m[1]!, 16), utf16(m[2]!))
  return map
}

/**
 * The text of a PDF written by pdfkit with embedded (Identity-H) fonts, read back through each font's ToUnicode
 * map: proof that the letters are in the file as the glyphs of the embedded font, not only as pictures.
 * One line per text object; for tests.
 */
export function pdfText(pdf: Uint8Array): { text: string; fonts: string[] } {
  const objs = objects(pdf)
  const fontMaps = new Map<string, Map<number, string>>()
  const fonts: string[] = []
  for (const { dict } of objs.values())
    for (const m of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]))
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? '')
      const base = /\/BaseFont \/(\S+)/.exec(font?.dict ?? '')
      if (base && !fonts.includes(base[1]!)) fonts.push(base[1]!)
      if (toUnicode) fontMaps.set(m[1]!, cmap(objs.get(Number(toUnicode[1]))?.stream ?? ''))
    }
  const lines: string[] = []
  for (const { stream } of objs.values()) {
    if (!stream?.includes(' Tf')) continue
    let map = new Map<number, string>()
    for (const m of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:[^\]])*)\] TJ|<([0-9a-f]*)> Tj|(ET)/gi)) {
      if (m[1]) map = fontMaps.get(m[1]) ?? new Map()
      else if (m[4]) lines.push('\n')
      else {
        const hex = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!).join('') : m[3]!
        lines.push((hex.match(/.{4}/g) ?? []).map((code) => map.get(Number.parseInt(code, 16)) ?? '\uFFFD').join(''))
      }
    }
  }
  return { text: lines.join('').replace(/[ \t]+/g, ' '), fonts }
}
