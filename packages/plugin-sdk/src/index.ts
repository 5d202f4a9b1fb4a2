export type * from './types'

import type { AnyForms, FormShapes, Plugin } from './types'

/**
 * This SDK's version. A plugin declares the range it was written for as the peer dependency
 * `"@motcua/plugin-sdk": "^2.0.0"` in its package.json; the runtime refuses a plugin whose range this does not meet.
 */
export const SDK_VERSION = '2.0.0'

/**
 * The topic of the message that sends the applicant their receipt code and lookup PIN. Only an `onSubmit` hook may
 * return it; its `deliver` gets the PIN in `ctx.lookupPin`, which the runtime derives at delivery time from its own
 * key: the PIN is in no hook's snapshot, no outbox row and no other plugin's call.
 */
export const RECEIPT_TOPIC = 'dossier.receipt'

/**
 * Declares a plugin; an identity function that carries the types.
 * @example export default definePlugin<{ url: string }>({ slug: 'national-portal-sync', name: { vi: 'Đồng bộ', en: 'Sync' }, configSchema: {…} })
 */
export function definePlugin<Config = Record<string, unknown>, Forms extends FormShapes = AnyForms>(
  plugin: Plugin<Config, Forms>,
): Plugin<Config, Forms> {
  return plugin
}
