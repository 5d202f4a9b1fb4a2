export type * from './types'

import type { Plugin } from './types'

/**
 * Declares a plugin; an identity function that carries the types.
 * @example export default definePlugin<{ url: string }>({ slug: 'national-portal-sync', name: { vi: 'Đồng bộ', en: 'Sync' }, configSchema: {…} })
 */
export function definePlugin<Config = Record<string, unknown>>(plugin: Plugin<Config>): Plugin<Config> {
  return plugin
}
