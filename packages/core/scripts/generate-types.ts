/**
 * Generates `src/definition/procedure-definition.generated.ts` from `src/definition/meta-schema.json`
 * with json-schema-to-typescript. Run with `npm run generate:types`; the drift test in
 * `src/definition/generated-types.test.ts` calls `renderDefinitionTypes()` and compares.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile, type JSONSchema } from 'json-schema-to-typescript'

const definitionDir = new URL('../src/definition/', import.meta.url)
export const metaSchemaUrl = new URL('meta-schema.json', definitionDir)
export const generatedTypesUrl = new URL('procedure-definition.generated.ts', definitionDir)

const banner = `/* eslint-disable */
/**
 * GENERATED — do not edit; run \`npm run generate:types\`.
 * Source: packages/core/src/definition/meta-schema.json (json-schema-to-typescript).
 */`

/** Renders the TypeScript types of the procedure definition format from the meta-schema. */
export async function renderDefinitionTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(metaSchemaUrl, 'utf8')) as JSONSchema
  return compile(schema, 'ProcedureDefinition', {
    bannerComment: banner,
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    format: true,
    ignoreMinAndMaxItems: true,
    style: { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'all' },
    cwd: fileURLToPath(definitionDir),
    $refOptions: { resolve: { external: false } },
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedTypesUrl, await renderDefinitionTypes())
  console.log(`wrote ${fileURLToPath(generatedTypesUrl)}`)
}
