import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

describe('procedure-definition.generated.ts', () => {
  it('matches the meta-schema and the plan schema (run `npm run generate:types` after editing meta-schema.json)', async () => {
    // A computed specifier keeps the Node-only script out of core's TypeScript project.
    const script = new URL('../../scripts/generate-types.ts', import.meta.url).href
    const { renderDefinitionTypes, renderPlanTypes } = (await import(/* @vite-ignore */ script)) as Record<
      'renderDefinitionTypes' | 'renderPlanTypes',
      () => Promise<string>
    >
    for (const [file, render] of [
      ['./procedure-definition.generated.ts', renderDefinitionTypes],
      ['../reorganisation/plan.generated.ts', renderPlanTypes],
    ] as const) {
      const committed = await readFile(new URL(file, import.meta.url), 'utf8')
      expect(committed.startsWith('/* eslint-disable */\n/**\n * GENERATED — do not edit')).toBe(true)
      expect(await render()).toBe(committed)
    }
  })
})
