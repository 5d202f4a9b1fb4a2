import { defineConfig } from 'tsup'

// Bundles @motcua/core from its TypeScript source (the `source` export condition), so the CLI builds without
// core being built first; json-schema-to-typescript stays an ordinary dependency.
export default defineConfig({
  entry: ['src/main.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  noExternal: [/^@motcua\//],
  external: ['json-schema-to-typescript'],
  esbuildOptions(options) {
    options.conditions = ['source']
  },
})
