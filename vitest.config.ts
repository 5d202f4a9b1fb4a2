import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript source (the `source` export condition): no build before tests.
const conditions = ['source', 'module', 'node', 'development']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'plugins/*/src/**/*.test.ts',
      'runtime/src/**/*.test.ts',
      'runtime/web/src/**/*.test.ts',
      'runtime/desk/src/**/*.test.ts',
      'studio/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // The SDK's type tests: each `@ts-expect-error` and `expectTypeOf` there is checked by the compiler.
    typecheck: {
      enabled: true,
      include: ['packages/plugin-sdk/src/**/*.test-d.ts'],
      tsconfig: 'packages/plugin-sdk/tsconfig.typecheck.json',
    },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
