/**
 * The callable behind a CommonJS default export, however the importer wrapped it: ajv and ajv-formats set
 * `module.exports = fn` and `exports.default = fn`, so Node ESM, esbuild, Vite and TypeScript's own emit may
 * hand back the function, `{ default: fn }` or `{ default: { default: fn } }`.
 * @example const addFormats = interopDefault(addFormatsImport)
 */
export function interopDefault<T>(imported: T): T {
  let value: unknown = imported
  for (let depth = 0; depth < 3 && typeof value !== 'function'; depth++) {
    if (typeof value !== 'object' || value === null || !('default' in value)) break
    value = value.default
  }
  if (typeof value !== 'function') throw new TypeError('Expected a CommonJS module whose default export is a function')
  return value as T
}
