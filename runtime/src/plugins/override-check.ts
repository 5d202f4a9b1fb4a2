import { createAjv, type Issue, toIssues } from '@motcua/core'

const ajv = createAjv()
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>()

/**
 * The problems of a setting's own keys (an override of what a unit inherits), each at its JSON path: checked
 * against the plugin's schema without its top-level `required` list (the keys may come from above), keys set to
 * null (removed) left out.
 * @example overrideIssues(schema, { url: 'not a url', maTinh: null }) // [{ path: '/url', … }]
 */
export function overrideIssues(configSchema: Record<string, unknown>, override: Record<string, unknown>): Issue[] {
  let validate = compiled.get(configSchema)
  if (!validate) {
    const { required: _all, $id: _id, ...partial } = configSchema
    validate = ajv.compile(partial)
    compiled.set(configSchema, validate)
  }
  const set = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== null))
  return validate(set) ? [] : toIssues(validate.errors)
}
