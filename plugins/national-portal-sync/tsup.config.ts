import { defineConfig } from 'tsup'

// The runtime imports the built plugin by its package name; the SDK (definePlugin) is bundled in from its
// TypeScript source, so neither needs building first. Plugin authors get their types from the SDK.
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  noExternal: [/^@motcua\//],
  esbuildOptions(options) {
    options.conditions = ['source']
  },
})
