// Secret settings (a config schema's top-level properties marked `writeOnly: true`) are stored and given to the
// plugin, but never returned by the API: administrators see which are set, and keep them by leaving them out.

/**
 * A configuration as administrators see it: without its secrets, with the names of those that are set.
 * @example withoutSecrets({ url: 'https://…', token: 'abc' }, ['token']) // { config: { url: 'https://…' }, secretsSet: ['token'] }
 */
export function withoutSecrets(
  config: Record<string, unknown>,
  secrets: string[],
): { config: Record<string, unknown>; secretsSet: string[] } {
  const shown = { ...config }
  const secretsSet: string[] = []
  for (const name of secrets) {
    if (shown[name] !== undefined && shown[name] !== null) secretsSet.push(name)
    delete shown[name]
  }
  return { config: shown, secretsSet }
}

/**
 * The configuration to save: a secret the body leaves out keeps its stored value, one sent as `null` is removed.
 * @example mergeSecrets({ url: 'https://…' }, { url: 'http://old', token: 'abc' }, ['token']) // { url: 'https://…', token: 'abc' }
 */
export function mergeSecrets(
  incoming: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
  secrets: string[],
): Record<string, unknown> {
  const merged = { ...incoming }
  for (const name of secrets) {
    if (merged[name] === null) delete merged[name]
    else if (!(name in merged) && stored && stored[name] !== undefined) merged[name] = stored[name]
  }
  return merged
}
