import { defineConfig } from 'tsup'

// The server is one bundle: our workspace packages are compiled in from their TypeScript source
// (the `source` export condition), so `npm start` needs no other package built first.
export default defineConfig({
  entry: ['src/main.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  external: [/^(?!@motcua\/|\.|\/)/],
  noExternal: [/^@motcua\//],
  esbuildOptions(options) {
    options.conditions = ['source']
  },
})
