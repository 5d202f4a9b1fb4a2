import { DomainError, type Issue, isStorableText, type Message } from '@motcua/core'

// In a URL or a header no control character makes sense (a tab in a search box is a paste accident)
const hasControl = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** The bounds of one kind of JSON document the API accepts. */
export interface JsonLimits {
  /** The document's kind, named in messages (`biểu mẫu`, `định nghĩa thủ tục`, …). */
  kind: Message
  /** UTF-8 bytes of the JSON text. */
  maxBytes: number
  /** Nesting: the root is at depth 0, its members at 1. */
  maxDepth: number
  /** Values of every kind (objects, arrays, strings, numbers, …), the root included. */
  maxNodes: number
}

/**
 * The bounds per kind of document. Depth 32 for forms and request bodies: the library's deepest form is 4 levels,
 * a form's data mirrors its schema (objects in lists in objects), so 32 is eight times what a real form needs
 * while keeping every recursive step after us (ajv, drizzle's JSON.stringify, which overflows near 10,000)
 * far from its stack limit. Definitions nest deeper, being JSON Schemas of forms (22 at most in the library).
 */
export const jsonLimits = {
  request: {
    kind: { vi: 'dữ liệu gửi lên', en: 'request body' },
    maxBytes: 64 * 1024,
    maxDepth: 32,
    maxNodes: 5_000,
  },
  // a form with a 100-row table of 10 fields is ~1,000 values and ~30 KB; the library's samples are under 2 KB
  form: { kind: { vi: 'biểu mẫu', en: 'form' }, maxBytes: 256 * 1024, maxDepth: 32, maxNodes: 20_000 },
  // the library's largest definition is 35 KB and 1,022 values
  definition: {
    kind: { vi: 'định nghĩa thủ tục', en: 'procedure definition' },
    maxBytes: 1024 * 1024,
    maxDepth: 64,
    maxNodes: 100_000,
  },
  // Quảng Ninh's 2025 plan (171 units into 54) is 30 KB
  plan: {
    kind: { vi: 'kế hoạch sắp xếp đơn vị', en: 'reorganisation plan' },
    maxBytes: 1024 * 1024,
    maxDepth: 16,
    maxNodes: 100_000,
  },
  pluginConfig: {
    kind: { vi: 'cấu hình tiện ích', en: 'plugin configuration' },
    maxBytes: 64 * 1024,
    maxDepth: 16,
    maxNodes: 2_000,
  },
} satisfies Record<string, JsonLimits>

const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

const issue = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

const brokenText = (path: string) =>
  issue(
    'string.invalidCharacter',
    path,
    'Có ký tự không hợp lệ (ký tự rỗng hoặc ký tự bị hỏng khi sao chép). Vui lòng gõ lại nội dung này.',
    'Contains a NUL character or an unpaired surrogate.',
  )

/**
 * Walks a parsed JSON document once, without recursion, and lists what cannot be accepted: keys or strings with
 * NUL or unpaired surrogates, nesting deeper than `maxDepth`, more than `maxNodes` values. Stops early on a
 * document far too large, so a hostile one costs little.
 */
export function jsonDocumentIssues(document: unknown, limits: JsonLimits): Issue[] {
  const issues: Issue[] = []
  const stack: [value: unknown, path: string, depth: number][] = [[document, '', 0]]
  let nodes = 0
  while (stack.length) {
    const [value, path, depth] = stack.pop()!
    if (++nodes > limits.maxNodes) {
      issues.push(
        issue(
          'json.tooManyValues',
          '',
          `${capitalise(limits.kind.vi)} có quá nhiều mục (tối đa ${limits.maxNodes}). Vui lòng rút gọn rồi gửi lại.`,
          `The ${limits.kind.en} has too many values (${limits.maxNodes} at most).`,
        ),
      )
      break
    }
    if (typeof value === 'string') {
      if (!isStorableText(value)) issues.push(brokenText(path))
    } else if (value !== null && typeof value === 'object') {
      if (depth >= limits.maxDepth) {
        issues.push(
          issue(
            'json.tooDeep',
            path,
            `${capitalise(limits.kind.vi)} lồng nhau quá sâu (tối đa ${limits.maxDepth} cấp).`,
            `The ${limits.kind.en} is nested too deeply (${limits.maxDepth} levels at most).`,
          ),
        )
        break
      }
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value)
      for (const [key, member] of entries) {
        const memberPath = `${path}/${typeof key === 'number' ? key : pointerToken(key)}`
        if (typeof key === 'string' && !isStorableText(key)) issues.push(brokenText(memberPath))
        stack.push([member, memberPath, depth + 1])
      }
    }
    if (issues.length >= 20) break
  }
  return issues
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A 400 for the issues found in a request's path, query string or headers. */
export const invalidRequest = (issues: Issue[]) =>
  new DomainError(
    'INVALID_DATA',
    {
      vi: 'Yêu cầu có ký tự không hợp lệ ở phần được chỉ ra. Vui lòng kiểm tra lại địa chỉ hoặc nội dung rồi thử lại.',
      en: 'The request has invalid characters where shown.',
    },
    issues,
  )

const decode = (component: string): string | undefined => {
  try {
    return decodeURIComponent(component)
  } catch {
    return undefined
  }
}

/** Problems in a raw path: malformed percent-encoding (a lone surrogate's bytes included) or control characters. */
export function pathIssues(rawPath: string): Issue[] {
  for (const segment of rawPath.split('/')) {
    const decoded = decode(segment)
    if (decoded === undefined || hasControl(decoded))
      return [
        issue(
          'uri.invalidCharacter',
          '/path',
          'Đường dẫn có ký tự không hợp lệ. Vui lòng kiểm tra lại địa chỉ.',
          'The path has malformed percent-encoding or control characters.',
        ),
      ]
  }
  return []
}

/** Problems in a raw query string (`a=1&b=2`, without `?`), each at `/query/<name>`. */
export function queryIssues(rawQuery: string): Issue[] {
  const issues: Issue[] = []
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    const rawName = at < 0 ? pair : pair.slice(0, at)
    const name = decode(rawName.replace(/\+/g, ' '))
    const value = at < 0 ? '' : decode(pair.slice(at + 1).replace(/\+/g, ' '))
    if (name === undefined || value === undefined || hasControl(name) || hasControl(value)) {
      const shown = name !== undefined && !hasControl(name) ? name : rawName
      issues.push(
        issue(
          'uri.invalidCharacter',
          `/query/${pointerToken(shown)}`,
          'Tham số có ký tự không hợp lệ. Vui lòng kiểm tra lại.',
          'Malformed percent-encoding or control characters.',
        ),
      )
    }
  }
  return issues
}

/** The request headers the API reads; each must be printable ASCII. */
export const READ_HEADERS = ['authorization', 'cookie', 'idempotency-key', 'x-csrf-token', 'x-lookup-pin'] as const

/** Problems in the headers the API reads, each at `/headers/<name>`. */
export function headerIssues(get: (name: string) => string | undefined): Issue[] {
  const issues: Issue[] = []
  for (const name of READ_HEADERS) {
    const value = get(name)
    if (value === undefined || PRINTABLE_ASCII.test(value)) continue
    issues.push(
      name === 'x-lookup-pin'
        ? issue(
            'header.invalidCharacter',
            `/headers/${name}`,
            'Mã tra cứu (PIN) chỉ gồm chữ số, như in trên giấy tiếp nhận. Vui lòng nhập lại.',
            'The PIN has characters other than digits.',
          )
        : issue(
            'header.invalidCharacter',
            `/headers/${name}`,
            `Tiêu đề ${name} có ký tự không hợp lệ (chỉ dùng chữ, số và ký hiệu không dấu).`,
            `The ${name} header must be printable ASCII.`,
          ),
    )
  }
  return issues
}
