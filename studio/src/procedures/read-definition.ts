/** What reading an imported procedure.json gave: its definition, or why it cannot be used. */
export type ReadDefinition =
  | { ok: true; definition: Record<string, unknown>; code: string; name: string }
  | { ok: false; problem: 'notJson' | 'notObject' | 'noCode'; detail?: string }

/**
 * Reads a procedure.json file's text (the procedures/ folder format): it must parse and be an object with a code;
 * everything else is checked by the server once it is a draft.
 * @example readDefinition('{"code":"1.000001","name":"…"}') // { ok: true, code: '1.000001', … }
 */
export function readDefinition(text: string): ReadDefinition {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, problem: 'notJson', detail: error instanceof Error ? error.message : String(error) }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: 'notObject' }
  const definition = parsed as Record<string, unknown>
  if (typeof definition.code !== 'string' || !definition.code.trim()) return { ok: false, problem: 'noCode' }
  return {
    ok: true,
    definition,
    code: definition.code,
    name: typeof definition.name === 'string' ? definition.name : '',
  }
}
