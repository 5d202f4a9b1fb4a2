import type { Message } from '@motcua/core'

/** The file types an administrator picks by name; each stands for the media types the server recognises. */
export const fileTypes: { id: string; label: Message; types: string[] }[] = [
  { id: 'pdf', label: { vi: 'PDF', en: 'PDF' }, types: ['application/pdf'] },
  { id: 'jpg', label: { vi: 'Ảnh JPG', en: 'JPG image' }, types: ['image/jpeg'] },
  { id: 'png', label: { vi: 'Ảnh PNG', en: 'PNG image' }, types: ['image/png'] },
  {
    id: 'docx',
    label: { vi: 'Văn bản Word (.docx)', en: 'Word document (.docx)' },
    types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  {
    id: 'xlsx',
    label: { vi: 'Bảng tính Excel (.xlsx)', en: 'Excel workbook (.xlsx)' },
    types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
]

/** What the server accepts without `accept` (runtime/src/dossiers/attachments.ts). */
export const defaultAccept = ['application/pdf', 'image/jpeg', 'image/png']
/** The size limit without `maxSizeMB`, in MB. */
export const defaultMaxSizeMB = 10

/**
 * The accepted media types after ticking or unticking one named type, keeping the types no name stands for.
 * Without `accept` the server's default applies, so the first change starts from it.
 * @example toggleType(undefined, 'png', false) // ['application/pdf', 'image/jpeg']
 */
export function toggleType(accept: string[] | undefined, id: string, on: boolean): string[] {
  const types = fileTypes.find((f) => f.id === id)?.types ?? []
  const current = accept ?? defaultAccept
  return on ? [...current, ...types.filter((t) => !current.includes(t))] : current.filter((t) => !types.includes(t))
}

/** Whether every media type of a named type is accepted. */
export const isAccepted = (accept: string[] | undefined, id: string): boolean =>
  (fileTypes.find((f) => f.id === id)?.types ?? []).every((t) => (accept ?? defaultAccept).includes(t))

/** Accepted types no name stands for (written by hand in the JSON), shown as they are. */
export const otherTypes = (accept: string[] | undefined): string[] =>
  (accept ?? []).filter((t) => !fileTypes.some((f) => f.types.includes(t)))
