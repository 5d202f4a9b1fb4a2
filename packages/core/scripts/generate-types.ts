/**
 * Generates `src/definition/procedure-definition.generated.ts` from `src/definition/meta-schema.json`, and
 * `src/reorganisation/plan.generated.ts` from `src/reorganisation/plan-schema.json`, with
 * json-schema-to-typescript. Run with `npm run generate:types`; the drift tests call the render functions and compare.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile, type JSONSchema } from 'json-schema-to-typescript'

const definitionDir = new URL('../src/definition/', import.meta.url)
export const metaSchemaUrl = new URL('meta-schema.json', definitionDir)
export const generatedTypesUrl = new URL('procedure-definition.generated.ts', definitionDir)

const reorganisationDir = new URL('../src/reorganisation/', import.meta.url)
export const planSchemaUrl = new URL('plan-schema.json', reorganisationDir)
export const planTypesUrl = new URL('plan.generated.ts', reorganisationDir)

const banner = (source: string) => `/* eslint-disable */
/**
 * GENERATED — do not edit; run \`npm run generate:types\`.
 * Source: packages/core/src/${source} (json-schema-to-typescript).
 */`

/** Renders the TypeScript types of the procedure definition format from the meta-schema. */
export const renderDefinitionTypes = (): Promise<string> =>
  render(metaSchemaUrl, 'ProcedureDefinition', 'definition/meta-schema.json', definitionDir)

/** Renders the TypeScript types of a reorganisation plan from its schema. */
export const renderPlanTypes = (): Promise<string> =>
  render(planSchemaUrl, 'ReorganisationPlan', 'reorganisation/plan-schema.json', reorganisationDir)

async function render(schemaUrl: URL, name: string, source: string, dir: URL): Promise<string> {
  const schema = JSON.parse(await readFile(schemaUrl, 'utf8')) as JSONSchema
  return compile(schema, name, {
    bannerComment: banner(source),
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    format: true,
    ignoreMinAndMaxItems: true,
    style: { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'all' },
    cwd: fileURLToPath(dir),
    $refOptions: { resolve: { external: false } },
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedTypesUrl, await renderDefinitionTypes())
  await writeFile(planTypesUrl, await renderPlanTypes())
  console.log(`wrote ${fileURLToPath(generatedTypesUrl)} and ${fileURLToPath(planTypesUrl)}`)
}
