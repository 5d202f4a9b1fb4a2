/** Escapes one reference token of a JSON pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1')

/** Appends reference tokens to a JSON pointer. */
export const pointer = (base: string, ...tokens: (string | number)[]): string =>
  base + tokens.map((token) => `/${escapeToken(token)}`).join('')

/** Reads the value a local JSON pointer names inside a document, or undefined. */
export function resolvePointer(document: unknown, path: string): unknown {
  if (path === '') return document
  if (!path.startsWith('/')) return undefined
  let current: unknown = document
  for (const raw of path.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, token)) return undefined
    current = (current as Record<string, unknown>)[token]
  }
  return current
}
