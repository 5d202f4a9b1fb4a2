import { DomainError } from '@motcua/core'
import type { Context } from 'hono'

/** At most this many files in one request. */
export const MAX_FILES = 40

export interface Multipart {
  /** The text fields, by name (a repeated field keeps its first value). */
  fields: Record<string, string>
  /** The files, each named `attachments.<component key>`. */
  files: { componentKey: string; file: File }[]
}

/** Reads a multipart body: its text fields and its files named `attachments.<component key>`. */
export async function readMultipart(c: Context): Promise<Multipart> {
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody({ all: true })
  } catch {
    throw new DomainError('INVALID_DATA', { vi: 'Không đọc được dữ liệu gửi lên.', en: 'Malformed multipart body.' })
  }
  const fields: Record<string, string> = {}
  const files: Multipart['files'] = []
  for (const [name, value] of Object.entries(form)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') fields[name] ??= part
      else if (name.startsWith('attachments.'))
        files.push({ componentKey: name.slice('attachments.'.length), file: part })
    }
  }
  if (files.length > MAX_FILES)
    throw new DomainError('INVALID_DATA', {
      vi: `Tối đa ${MAX_FILES} tệp mỗi lần gửi.`,
      en: `At most ${MAX_FILES} files at once.`,
    })
  return { fields, files }
}
