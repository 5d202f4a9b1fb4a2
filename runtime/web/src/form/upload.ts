import { postMultipart } from '@motcua/web-kit'
import type { Applicant, SubmittedDossier } from '../lib/types'

/** A dossier ready to send: the JSON part and a file per component key. */
export interface Submission {
  procedureCode: string
  unitCode: string
  applicant: Applicant
  formData: unknown
  /** How the applicant wants the result, for a procedure that offers a choice. */
  delivery?: { method: string; address?: Record<string, string> }
  /** The applicant's cam đoan (the declaration that the information is true), ticked on the review. */
  declaration: true
  files: { componentKey: string; file: File }[]
}

/**
 * How far each file has gone, from the bytes of the whole request sent so far: the parts go in order
 * (the dossier JSON first, then each file), so a file is done once the bytes before and of it are sent.
 * @example fileProgress(1500, 500, [1000, 1000]) // [1, 0]
 */
export function fileProgress(loaded: number, before: number, sizes: number[]): number[] {
  let offset = before
  return sizes.map((size) => {
    const done = Math.min(1, Math.max(0, (loaded - offset) / Math.max(size, 1)))
    offset += size
    return done
  })
}

/**
 * Sends a dossier as multipart (`dossier` JSON field + `attachments.<key>` files), so upload progress can be
 * shown; the Idempotency-Key makes a retry or a double click create one dossier.
 */
export function submitDossier(
  submission: Submission,
  idempotencyKey: string,
  onProgress: (loaded: number, total: number) => void,
): Promise<SubmittedDossier> {
  const body = new FormData()
  const { files, ...dossier } = submission
  body.append('dossier', JSON.stringify(dossier))
  for (const { componentKey, file } of files) body.append(`attachments.${componentKey}`, file, file.name)
  return postMultipart<SubmittedDossier>('/api/dossiers', body, { 'Idempotency-Key': idempotencyKey }, onProgress)
}
