import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import type { Database } from '@motcua/db'
import { createApp, type Services } from './app'
import { loadInstanceSecret } from './auth/instance-secret'
import { defaultPluginsDir, loadPlugins, pluginSources } from './plugins/load-plugins'
import { createPluginHost, type PluginLimits } from './plugins/plugin-host'
import { defaultProceduresDir } from './procedures/library'
import { createRegistry } from './procedures/registry'
import { seed } from './seed'
import { createUnitDirectory } from './units/unit-directory'

export const TEST_PASSWORD = 'mat-khau-thu'

export interface TestRuntime extends Services {
  app: ReturnType<typeof createApp>
  close(): Promise<void>
}

/**
 * A seeded runtime over a fresh test database (see `testDrivers`): units, calendar, the procedure library
 * and the demo accounts (password `TEST_PASSWORD`), driven with `app.request(…)`.
 */
export async function openTestRuntime(
  open: () => Promise<Database>,
  options: {
    demo?: boolean
    library?: boolean
    clock?: () => Date
    /** Plugin modules to load (see `pluginFixture`); default: the repository's `plugins/`. */
    plugins?: string[]
    pluginLimits?: Partial<PluginLimits>
    submitLimitPerMinute?: number
  } = {},
): Promise<TestRuntime> {
  const database = await open()
  await seed(database.db, {
    ...(options.demo !== false ? { demoPassword: TEST_PASSWORD } : {}),
    ...(options.library !== false ? { proceduresDir: defaultProceduresDir() } : {}),
  })
  const registry = await createRegistry(database)
  const secret = await loadInstanceSecret(database.db, {})
  const units = await createUnitDirectory(database)
  const loaded = await loadPlugins(options.plugins ?? pluginSources(defaultPluginsDir()))
  const plugins = createPluginHost(loaded, units, options.pluginLimits)
  return {
    database,
    registry,
    secret,
    plugins,
    units,
    app: createApp({
      database,
      registry,
      secret,
      plugins,
      units,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.submitLimitPerMinute !== undefined ? { submitLimitPerMinute: options.submitLimitPerMinute } : {}),
    }),
    async close() {
      await plugins.close()
      await units.close()
      await registry.close()
      await database.close()
    },
  }
}

/** A test plugin module of `runtime/src/plugins/fixtures/`, by file name, for `openTestRuntime`'s `plugins`. */
export const pluginFixture = (name: string): string => new URL(`./plugins/fixtures/${name}.ts`, import.meta.url).href

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
// a 1×1 PNG, for components that take only pictures (a 4×6 photo)
const png = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
)

/** A small valid file a component accepts (a PDF, or a PNG where only pictures are taken). */
export const fileFor = (component: { key: string; accept?: string[] }): File =>
  !component.accept || component.accept.includes('application/pdf')
    ? new File([pdf], `${component.key}.pdf`)
    : new File([png], `${component.key}.png`)

/** A library procedure's definition and its sample form data, by folder. */
export function libraryProcedure(folder: string): { definition: ProcedureDefinition; sample: Record<string, unknown> } {
  const dir = join(defaultProceduresDir(), folder)
  return {
    definition: JSON.parse(readFileSync(join(dir, 'procedure.json'), 'utf8')),
    sample: JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8')),
  }
}

/** A multipart submission of `dossier` with a file for every component its answers require. */
export function submissionForm(
  definition: ProcedureDefinition,
  dossier: { formData: unknown } & Record<string, unknown>,
): FormData {
  const form = new FormData()
  form.set('dossier', JSON.stringify(dossier))
  for (const component of requiredComponents(definition, dossier.formData))
    form.append(`attachments.${component.key}`, fileFor(component))
  return form
}

/** Signs a demo account in and returns its bearer token. */
export async function signIn(runtime: TestRuntime, username: string): Promise<string> {
  const res = await runtime.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}
