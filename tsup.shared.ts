import type { Options } from 'tsup'

/**
 * A Node bundle that compiles our own workspace packages (@motcua/*) in from their TypeScript source
 * (the `source` export condition), so nothing else needs building first; every other import stays external.
 */
export function bundleFromSource(entry: Options['entry'], options: Options = {}): Options {
  return {
    entry,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    clean: true,
    sourcemap: true,
    external: [/^(?!@motcua\/|\.|\/)/],
    noExternal: [/^@motcua\//],
    esbuildOptions(esbuild) {
      esbuild.conditions = ['source']
    },
    ...options,
  }
}
