import { ApiError, csrf, networkError, toApiError } from './api'

/**
 * Posts a multipart body with XMLHttpRequest (fetch cannot report upload progress), with the CSRF header of a
 * signed-in tab; a 2xx JSON answer resolves, anything else rejects with an ApiError.
 * @example await postMultipart<{ receiptCode: string }>('/api/desk/intake', form, {}, (sent, total) => show(sent / total))
 */
export function postMultipart<T>(
  url: string,
  body: FormData,
  headers: Record<string, string>,
  onProgress: (loaded: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    const token = csrf.get()
    if (token) xhr.setRequestHeader('X-CSRF-Token', token)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    }
    xhr.onerror = () => reject(networkError())
    xhr.ontimeout = () => reject(networkError())
    xhr.onload = () => {
      let parsed: unknown = null
      try {
        parsed = JSON.parse(xhr.responseText)
      } catch {
        parsed = null
      }
      if (xhr.status >= 200 && xhr.status < 300 && parsed) resolve(parsed as T)
      else
        void toApiError(xhr.status, parsed).then(reject, () =>
          reject(new ApiError(xhr.status, 'ERROR', { vi: 'Lỗi không xác định.', en: 'Unknown error.' })),
        )
    }
    xhr.send(body)
  })
}
