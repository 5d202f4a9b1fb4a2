import { createHash } from 'node:crypto'
import { DomainError, type DossierComponent, type Issue } from '@motcua/core'
import { attachmentBlobs, attachments, type Db } from '@motcua/db'
import { and, eq } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'

/** A file as received, checked and ready to store. */
export interface CheckedFile {
  componentKey: string
  fileName: string
  mediaType: string
  size: number
  sha256: string
  content: Uint8Array
}

const DEFAULT_MAX_MB = 10
const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png']

/**
 * A name safe to show and to put in a Content-Disposition header: no folders, no control or
 * reserved characters, at most 120 characters; never used as a path.
 * @example safeFileName('../../etc/passwd') // 'passwd'
 */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must lose
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-120)
  return cleaned || 'tep-dinh-kem'
}

const reject = (path: string, vi: string, en: string, code: string): Issue => ({ code, path, message: { vi, en } })

/**
 * Checks every uploaded file against its dossier component: the component exists for this form, the
 * size is within its limit, and the type sniffed from the content (never the name or the declared
 * type) is one it accepts. Collects every problem before refusing.
 */
export async function checkFiles(
  files: { componentKey: string; file: File }[],
  components: DossierComponent[],
): Promise<CheckedFile[]> {
  const issues: Issue[] = []
  const checked: CheckedFile[] = []
  for (const [i, { componentKey, file }] of files.entries()) {
    const path = `/attachments/${i}`
    const component = components.find((c) => c.key === componentKey)
    if (!component) {
      issues.push(
        reject(
          path,
          `Thủ tục này không có thành phần hồ sơ "${componentKey}".`,
          `No dossier component "${componentKey}" for this form.`,
          'component.unknown',
        ),
      )
      continue
    }
    const maxBytes = (component.maxSizeMB ?? DEFAULT_MAX_MB) * 1024 * 1024
    if (file.size > maxBytes) {
      issues.push(
        reject(
          path,
          `Tệp "${safeFileName(file.name)}" quá lớn: tối đa ${component.maxSizeMB ?? DEFAULT_MAX_MB} MB cho "${component.name}".`,
          `File too large (max ${component.maxSizeMB ?? DEFAULT_MAX_MB} MB).`,
          'file.tooLarge',
        ),
      )
      continue
    }
    const content = new Uint8Array(await file.arrayBuffer())
    const accept = component.accept?.length ? component.accept : DEFAULT_ACCEPT
    const sniffed = (await fileTypeFromBuffer(content))?.mime
    if (!sniffed || !accept.includes(sniffed)) {
      issues.push(
        reject(
          path,
          `Tệp "${safeFileName(file.name)}" không đúng định dạng cho "${component.name}". Chấp nhận: ${accept.map((t) => t.split('/')[1]!.toUpperCase()).join(', ')}.`,
          `File type not accepted (${sniffed ?? 'unknown'}); accepted: ${accept.join(', ')}.`,
          'file.type',
        ),
      )
      continue
    }
    checked.push({
      componentKey,
      fileName: safeFileName(file.name),
      mediaType: sniffed,
      size: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    })
  }
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Có tệp đính kèm chưa hợp lệ. Vui lòng kiểm tra các tệp được chỉ ra.',
        en: 'Some attachments are not valid.',
      },
      issues,
    )
  return checked
}

/** The required components (for this form's answers) that have no file. */
export function missingComponents(required: DossierComponent[], files: { componentKey: string }[]): Issue[] {
  return required
    .filter((c) => !files.some((f) => f.componentKey === c.key))
    .map((c) =>
      reject(`/components/${c.key}`, `Vui lòng đính kèm "${c.name}".`, `Attach "${c.name}".`, 'component.missing'),
    )
}

/** Stores checked files for a dossier: each content once (by sha256), one attachment row per file. */
export async function storeFiles(
  tx: Db,
  dossierId: string,
  files: CheckedFile[],
  kind: 'application' | 'supplement' | 'result',
  uploadedBy: string | null,
): Promise<void> {
  if (files.length === 0) return
  await tx
    .insert(attachmentBlobs)
    .values(files.map((f) => ({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, content: f.content })))
    .onConflictDoNothing()
  await tx.insert(attachments).values(
    files.map((f) => ({
      dossierId,
      componentKey: f.componentKey,
      kind,
      fileName: f.fileName,
      sha256: f.sha256,
      mediaType: f.mediaType,
      size: f.size,
      uploadedBy,
    })),
  )
}

/** A file of a dossier as a download response, when it is one of `kinds` (404 otherwise, or for a malformed id). */
export async function downloadAttachment(
  db: Db,
  dossierId: string,
  id: string,
  kinds: string[],
  inline = false,
): Promise<Response> {
  const [file] = /^[0-9a-f-]{36}$/i.test(id)
    ? await db
        .select({ a: attachments, content: attachmentBlobs.content })
        .from(attachments)
        .innerJoin(attachmentBlobs, eq(attachmentBlobs.sha256, attachments.sha256))
        .where(and(eq(attachments.id, id), eq(attachments.dossierId, dossierId)))
    : []
  if (!file || !kinds.includes(file.a.kind))
    throw new DomainError('NOT_FOUND', { vi: 'Không tìm thấy tệp này.', en: 'No such file.' })
  return fileResponse(file, inline)
}

/** The types a browser may show in the page (`inline`): PDF and raster images, never HTML, SVG or scripts. */
const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png'])

/**
 * A stored file as a private download: its own type and size, a safe file name, never cached or sniffed. With
 * `inline`, a PDF or an image is shown where it is opened (the desk's preview of the same origin); any other type
 * is still a download.
 */
export const fileResponse = (
  file: { a: { mediaType: string; size: number; fileName: string }; content: unknown },
  inline = false,
) =>
  new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': file.a.mediaType,
      'content-length': String(file.a.size),
      'content-disposition': `${inline && PREVIEWABLE.has(file.a.mediaType) ? 'inline' : 'attachment'}; filename="${file.a.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.a.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  })
