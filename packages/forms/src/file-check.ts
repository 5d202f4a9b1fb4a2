import type { DossierComponent } from '@motcua/core'

const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png']
const DEFAULT_MAX_MB = 10

/** The types a component accepts and its size limit, with the runtime's defaults. */
export const acceptOf = (component: DossierComponent) => (component.accept?.length ? component.accept : DEFAULT_ACCEPT)
export const maxMbOf = (component: DossierComponent) => component.maxSizeMB ?? DEFAULT_MAX_MB

/**
 * The media type read from a file's first bytes (as the runtime does, never from its name), for the types
 * dossiers use; undefined when unknown.
 * @example sniffType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) // 'application/pdf'
 */
export function sniffType(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50)
    return 'image/webp'
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff'
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip'
  return undefined
}

/** Why a file cannot go with a component, checked before any upload. */
export type FileProblem = { kind: 'tooLarge'; maxMb: number } | { kind: 'wrongType'; accepted: string[] }

/**
 * Checks a file against its component: size first (no need to read a huge file), then the type sniffed from
 * its content; PDF/JPEG/PNG only unless the component says otherwise.
 */
export async function checkFile(file: Blob, component: DossierComponent): Promise<FileProblem | null> {
  const maxMb = maxMbOf(component)
  if (file.size > maxMb * 1024 * 1024) return { kind: 'tooLarge', maxMb }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
  const type = sniffType(head)
  const accepted = acceptOf(component)
  if (!type || !accepted.includes(type)) return { kind: 'wrongType', accepted }
  return null
}

/**
 * A file size people read.
 * @example showSize(1536000) // '1,5 MB'
 */
export function showSize(bytes: number, locale: 'vi' | 'en' = 'vi'): string {
  const mb = bytes / (1024 * 1024)
  const text = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
  return locale === 'vi' ? text.replace('.', ',') : text
}
