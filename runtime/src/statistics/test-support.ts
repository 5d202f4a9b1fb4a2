/** RFC 4180, as a spreadsheet reads it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted) {
      if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',' || (ch === '\r' && text[i + 1] === '\n')) {
      row.push(field)
      field = ''
      if (ch === '\r') {
        rows.push(row)
        row = []
        i++
      }
    } else {
      field += ch
    }
  }
  return rows
}
