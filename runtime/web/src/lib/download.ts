import { networkError, toApiError } from '@motcua/web-kit'

/** Saves a blob under a file name through a temporary object URL (the browser's download, no new tab). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Downloads a file of a tracked dossier (`GET /api/track/:code/files/:id`): it needs the PIN in a header, so it
 * is fetched as a blob and saved under its own name; errors as ApiError.
 */
export async function downloadTrackedFile(
  code: string,
  pin: string,
  file: { id: string; fileName: string },
): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/track/${encodeURIComponent(code)}/files/${encodeURIComponent(file.id)}`, {
      headers: { 'x-lookup-pin': pin },
      credentials: 'same-origin',
    })
  } catch {
    throw networkError()
  }
  if (!response.ok) throw await toApiError(response.status, await response.json().catch(() => null))
  saveBlob(await response.blob(), file.fileName)
}

/**
 * Downloads the receipt (Mẫu 01) as a PDF (`GET /api/dossiers/:code/receipt.pdf`) with the PIN in a header, saved
 * as `giay-tiep-nhan-<code>.pdf`; errors as ApiError.
 */
export async function downloadReceiptPdf(code: string, pin: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/dossiers/${encodeURIComponent(code)}/receipt.pdf`, {
      headers: { 'x-lookup-pin': pin },
      credentials: 'same-origin',
    })
  } catch {
    throw networkError()
  }
  if (!response.ok) throw await toApiError(response.status, await response.json().catch(() => null))
  saveBlob(await response.blob(), `giay-tiep-nhan-${code.replace(/[^\w.-]/g, '_')}.pdf`)
}
