import { DomainError, type Issue, isStorableText } from '@motcua/core'
import type { Context } from 'hono'
import { requireMediaType } from './media-type'

/** At most this many files in one request. */
export const MAX_FILES = 40

export interface Multipart {
  /** The text fields, by name (a repeated field keeps its first value). */
  fields: Record<string, string>
  /** The files, each named `attachments.<component key>`. */
  files: { componentKey: string; file: File }[]
}

const brokenText = (path: string, what: string): Issue => ({
  code: 'string.invalidCharacter',
  path,
  message: {
    vi: `${what} có ký tự không hợp lệ (ký tự rỗng hoặc ký tự bị hỏng). Vui lòng sửa rồi gửi lại.`,
    en: 'Contains a NUL character or an unpaired surrogate.',
  },
})

/** Reads a multipart body (415 for any other type): its text fields and its files named `attachments.<component key>`. */
export async function readMultipart(c: Context): Promise<Multipart> {
  requireMediaType(c, ['multipart/form-data'])
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody({ all: true })
  } catch {
    throw new DomainError('INVALID_DATA', { vi: 'Không đọc được dữ liệu gửi lên.', en: 'Malformed multipart body.' })
  }
  const fields: Record<string, string> = {}
  const files: Multipart['files'] = []
  const issues: Issue[] = []
  for (const [name, value] of Object.entries(form)) {
    const path = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
    if (!isStorableText(name)) {
      issues.push(brokenText('', 'Tên một trường'))
      continue
    }
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') {
        if (!isStorableText(part)) issues.push(brokenText(path, 'Nội dung trường này'))
        else fields[name] ??= part
      } else if (!isStorableText(part.name)) issues.push(brokenText(path, 'Tên tệp'))
      else if (name.startsWith('attachments.'))
        files.push({ componentKey: name.slice('attachments.'.length), file: part })
    }
  }
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Dữ liệu gửi lên có ký tự không hợp lệ ở chỗ được chỉ ra. Vui lòng sửa rồi gửi lại.',
        en: 'Some fields or file names have invalid characters.',
      },
      issues,
    )
  if (files.length > MAX_FILES)
    throw new DomainError('INVALID_DATA', {
      vi: `Tối đa ${MAX_FILES} tệp mỗi lần gửi.`,
      en: `At most ${MAX_FILES} files at once.`,
    })
  return { fields, files }
}
