import type { ErrorSchema } from '@rjsf/utils'

/** An issue as the API reports it: a JSON pointer and a message in both locales. */
export interface ApiIssue {
  code: string
  path: string
  message: { vi: string; en: string }
}

const unescapeToken = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~')

/**
 * API issues under `prefix` (e.g. `/formData`) as an rjsf error schema, so each lands beside its field.
 * @example issuesToErrorSchema([{ path: '/formData/me/ho_ten', … }], '/formData', 'vi') // { me: { ho_ten: { __errors: ['…'] } } }
 */
export function issuesToErrorSchema(issues: ApiIssue[], prefix: string, locale: 'vi' | 'en'): ErrorSchema {
  const root: Record<string, unknown> = {}
  for (const issue of issues) {
    if (!issue.path.startsWith(prefix)) continue
    const tokens = issue.path.slice(prefix.length).split('/').filter(Boolean).map(unescapeToken)
    let node = root
    for (const token of tokens) node = (node[token] ??= {}) as Record<string, unknown>
    ;((node.__errors ??= []) as string[]).push(issue.message[locale])
  }
  return root as ErrorSchema
}

/** Whether an error schema holds at least one message. */
export function hasErrors(errorSchema: ErrorSchema | undefined): boolean {
  if (!errorSchema || typeof errorSchema !== 'object') return false
  return Object.entries(errorSchema).some(([key, value]) =>
    key === '__errors' ? Array.isArray(value) && value.length > 0 : hasErrors(value as ErrorSchema),
  )
}

/**
 * An error schema without the empty `__errors` lists and branches rjsf leaves after a `customValidate`.
 * @example withoutEmpty({ me: { __errors: [], ho_ten: { __errors: ['…'] } } }) // { me: { ho_ten: { __errors: ['…'] } } }
 */
export function withoutEmpty(errorSchema: ErrorSchema): ErrorSchema {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(errorSchema as Record<string, unknown>)) {
    if (key === '__errors') {
      if (Array.isArray(value) && value.length > 0) kept[key] = value
    } else if (hasErrors(value as ErrorSchema)) kept[key] = withoutEmpty(value as ErrorSchema)
  }
  return kept as ErrorSchema
}

/** The part of an error schema about these top-level properties. */
export function pickErrors(errorSchema: ErrorSchema, keys: string[]): ErrorSchema {
  const picked: Record<string, unknown> = {}
  for (const key of keys) {
    const part = (errorSchema as Record<string, unknown>)[key]
    if (hasErrors(part as ErrorSchema)) picked[key] = part
  }
  return picked as ErrorSchema
}

/** The `id` rjsf gives the input of the first field with an error (`root_me_ho_ten`), in schema order of the error schema. */
export function firstErrorId(errorSchema: ErrorSchema, idPrefix = 'root', separator = '_'): string | undefined {
  const walk = (node: Record<string, unknown>, path: string[]): string[] | undefined => {
    if (Array.isArray(node.__errors) && node.__errors.length) return path
    for (const [key, child] of Object.entries(node)) {
      if (key === '__errors' || !child || typeof child !== 'object') continue
      const found = walk(child as Record<string, unknown>, [...path, key])
      if (found) return found
    }
    return undefined
  }
  const path = walk(errorSchema as Record<string, unknown>, [])
  return path ? [idPrefix, ...path].join(separator) : undefined
}

/** One error for a summary at the top of a step: which field (its input id and label) and what is wrong. */
export interface ListedError {
  id: string
  label: string
  message: string
}

type SchemaNode = { title?: string; properties?: Record<string, unknown>; items?: unknown }

/**
 * Every message of an error schema with the id and title of its field, in the error schema's order.
 * @example listErrors({ me: { ho_ten: { __errors: ['Vui lòng nhập…'] } } }, schema) // [{ id: 'root_me_ho_ten', label: 'Họ, chữ đệm và tên', message: … }]
 */
export function listErrors(
  errorSchema: ErrorSchema | Record<string, unknown>,
  schema: unknown,
  idPrefix = 'root',
  separator = '_',
): ListedError[] {
  const out: ListedError[] = []
  const walk = (node: Record<string, unknown>, at: SchemaNode | undefined, path: string[]) => {
    for (const message of (node.__errors as string[] | undefined) ?? []) {
      out.push({ id: [idPrefix, ...path].join(separator), label: at?.title ?? path.at(-1) ?? '', message })
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '__errors' || !child || typeof child !== 'object') continue
      const next = (at?.properties?.[key] ?? (/^\d+$/.test(key) ? at?.items : undefined)) as SchemaNode | undefined
      walk(child as Record<string, unknown>, next, [...path, key])
    }
  }
  walk(errorSchema as Record<string, unknown>, schema as SchemaNode, [])
  return out
}

/**
 * The API's issues about one part of a request, by the name that follows it in their path (`whole` for an issue
 * about the part itself), in the reader's language: what to show beside each input outside the generated form.
 * @example issuesByName(issues, '/applicant', 'vi', 'fullName') // { fullName: 'Nhập họ tên', phone: '…' }
 */
export function issuesByName(
  issues: ApiIssue[],
  part: string,
  locale: 'vi' | 'en',
  whole = '',
): Record<string, string> {
  return Object.fromEntries(
    issues
      .filter((i) => i.path === part || i.path.startsWith(`${part}/`))
      .map((i) => [unescapeToken(i.path.slice(part.length + 1).split('/')[0] || whole), i.message[locale]]),
  )
}
