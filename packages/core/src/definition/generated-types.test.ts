import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

describe('procedure-definition.generated.ts', () => {
  it('matches the meta-schema (run `npm run generate:types` after editing meta-schema.json)', async () => {
    // A computed specifier keeps the Node-only script out of core's TypeScript project.
    const script = new URL('../../scripts/generate-types.ts', import.meta.url).href
    const { renderDefinitionTypes } = (await import(/* @vite-ignore */ script)) as {
      renderDefinitionTypes: () => Promise<string>
    }
    const committed = await readFile(new URL('./procedure-definition.generated.ts', import.meta.url), 'utf8')
    expect(committed.startsWith('/* eslint-disable */\n/**\n * GENERATED — do not edit')).toBe(true)
    expect(await renderDefinitionTypes()).toBe(committed)
  })
})
