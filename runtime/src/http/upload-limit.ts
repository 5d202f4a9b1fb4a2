import { DomainError } from '@motcua/core'
import { bodyLimit } from 'hono/body-limit'

const MAX_UPLOAD_BYTES = 60 * 1024 * 1024

const tooLarge = () =>
  new DomainError('PAYLOAD_TOO_LARGE', {
    vi: 'Hồ sơ gửi lên quá lớn (tối đa 60 MB cho tất cả tệp).',
    en: 'The upload is too large (60 MB in all).',
  })

/** The size limit of an upload (all files of one request). */
export const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw tooLarge()
  },
})
