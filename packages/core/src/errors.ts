/** A bilingual message: Vietnamese for people first, English as the second locale. */
export interface Message {
  vi: string
  en: string
}

/**
 * One problem found in some input, placed by JSON pointer so a form or an editor can show it
 * beside the field it concerns (`''` is the whole document).
 * @example { code: 'required', path: '/form/schema', message: { vi: 'Thiếu trường bắt buộc', en: 'Missing required field' } }
 */
export interface Issue {
  /** Stable machine code: an ajv keyword (`required`, `format`, …) or a definition rule (`step.unreachable`, …). */
  code: string
  /** JSON pointer (RFC 6901) into the document that was checked. */
  path: string
  message: Message
  params?: Record<string, unknown>
}

/** The error kinds the runtime maps to HTTP in one place. */
export type DomainErrorCode =
  | 'INVALID_DATA'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Well-formed but refused as it stands, e.g. an Idempotency-Key reused with a different request. */
  | 'UNPROCESSABLE'
  /** Something the request needs is not answering in time (a plugin that hangs); retrying later may work. */
  | 'UNAVAILABLE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'

const brand = Symbol.for('motcua.DomainError')

/**
 * An error the caller can act on. Branded with `Symbol.for` so a copy of core bundled
 * into a plugin is still recognised by the runtime.
 * @example throw new DomainError('NOT_FOUND', { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' })
 */
export class DomainError extends Error {
  readonly [brand] = true
  constructor(
    readonly code: DomainErrorCode,
    readonly userMessage: Message,
    readonly issues: Issue[] = [],
    options?: { cause?: unknown },
  ) {
    super(userMessage.en, options)
    this.name = 'DomainError'
  }

  static is(value: unknown): value is DomainError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
  }
}
