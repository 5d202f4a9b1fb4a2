import { DomainError } from '@motcua/core'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

const MAX_UPLOAD_BYTES = 60 * 1024 * 1024

const tooLarge = () =>
  new DomainError('PAYLOAD_TOO_LARGE', {
    vi: 'Hồ sơ gửi lên quá lớn (tối đa 60 MB cho tất cả tệp).',
    en: 'The upload is too large (60 MB in all).',
  })

const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw tooLarge()
  },
})

const jsonLimit = bodyLimit({
  maxSize: 1024 * 1024,
  onError: () => {
    throw new DomainError('PAYLOAD_TOO_LARGE', {
      vi: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).',
      en: 'The request body is too large (1 MB at most).',
    })
  },
})

/** Every request body is bounded: 60 MB in all for an upload (`multipart/form-data`), 1 MB for anything else. */
export const bodyLimits: MiddlewareHandler = (c, next) =>
  (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? uploadLimit(c, next) : jsonLimit(c, next)
