import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import type { Database } from '@motcua/db'
import type { createApp, Services } from './app'
import { composeRuntime } from './compose'
import type { PluginLimits } from './plugins/plugin-host'
import { defaultProceduresDir } from './procedures/library'

export { createOutboxWorker } from './plugins/outbox-worker'
export { defaultProceduresDir }

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
    /** The procedure library to import instead of the repository's (a folder of `<folder>/procedure.json`). */
    proceduresDir?: string
    clock?: () => Date
    /** Plugin modules to load (see `pluginFixture`); default: the repository's `plugins/`. */
    plugins?: string[]
    pluginLimits?: Partial<PluginLimits>
    submitLimitPerMinute?: number
    trackLimitPerMinute?: number
    /** The built web apps to serve (`runtime/dist`), for browser tests; default: none. */
    webRoot?: string
  } = {},
): Promise<TestRuntime> {
  const database = await open()
  const runtime = await composeRuntime(database, {
    ...(options.demo !== false ? { demoPassword: TEST_PASSWORD } : {}),
    proceduresDir: options.library === false ? null : (options.proceduresDir ?? defaultProceduresDir()),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.pluginLimits ? { pluginLimits: options.pluginLimits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.submitLimitPerMinute !== undefined ? { submitLimitPerMinute: options.submitLimitPerMinute } : {}),
    ...(options.trackLimitPerMinute !== undefined ? { trackLimitPerMinute: options.trackLimitPerMinute } : {}),
    ...(options.webRoot
      ? {
          webDir: join(options.webRoot, 'web'),
          studioDir: join(options.webRoot, 'studio'),
          deskDir: join(options.webRoot, 'desk'),
        }
      : {}),
  })
  return {
    ...runtime.services,
    app: runtime.app,
    async close() {
      await runtime.close()
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

/**
 * A multipart submission of `dossier` with a file for every component its answers require, and the applicant's
 * declaration ticked (`declaration: undefined` leaves it out).
 */
export function submissionForm(
  definition: ProcedureDefinition,
  dossier: { formData: unknown } & Record<string, unknown>,
): FormData {
  const form = new FormData()
  form.set('dossier', JSON.stringify({ declaration: true, ...dossier }))
  for (const component of requiredComponents(definition, dossier.formData))
    form.append(`attachments.${component.key}`, fileFor(component))
  return form
}

/**
 * The request that files a library procedure's sample online at a unit, with a file for every component it needs.
 * @example await runtime.app.request('/api/dossiers', sampleSubmission(libraryProcedure('dang-ky-khai-sinh'), '06649'))
 */
export const sampleSubmission = (
  { definition, sample }: { definition: ProcedureDefinition; sample: Record<string, unknown> },
  unitCode: string,
  applicant: { fullName: string; idNumber?: string } = { fullName: 'Nguyễn Văn An' },
): RequestInit => ({
  method: 'POST',
  body: submissionForm(definition, { procedureCode: definition.code, unitCode, applicant, formData: sample }),
})

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

/**
 * Requests as demo accounts, each signed in once: `as(user, method, path, body?)` sends `body` with the account's
 * bearer token, as JSON (a string as it is) or, for `FormData`, as multipart; `view` reads a dossier at the desk and
 * `act` takes an action on its current version.
 * `runtime` is read at each call, so it may be opened in `beforeAll`.
 * @example const { act } = asOfficers(() => runtime); await act('tiepnhan.06649', code, 'tiep_nhan')
 */
export function asOfficers(runtime: () => TestRuntime) {
  const tokens: Record<string, string> = {}
  const as = async (user: string, method: string, path: string, body?: unknown): Promise<Response> => {
    tokens[user] ??= await signIn(runtime(), user)
    const authorization = `Bearer ${tokens[user]}`
    if (body instanceof FormData) return runtime().app.request(path, { method, headers: { authorization }, body })
    return runtime().app.request(path, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
  }
  const view = async <T = { version: number }>(user: string, code: string): Promise<T> =>
    (await (await as(user, 'GET', `/api/desk/dossiers/${code}`)).json()) as T
  const act = async (user: string, code: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = await view(user, code)
    return as(user, 'POST', `/api/desk/dossiers/${code}/actions/${action}`, { expectedVersion: version, ...inputs })
  }
  return { as, view, act }
}
