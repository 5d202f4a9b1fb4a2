import { expect } from 'vitest'

/** A dossier as the desk API shows it, the parts the browser tests read. */
export interface DeskDossier {
  version: number
  status: number
  procedure: { code: string; name: string; version: number }
  actions: { key: string; type: string; label?: unknown }[]
  attachments: { kind: string; fileName: string; componentKey: string }[]
}

/**
 * Demo accounts acting on a runtime process over real HTTP, each signed in once with its bearer token:
 * `as(user, path, {method, body})` (JSON, or multipart for a FormData), `deskDossier` reads a dossier at the desk,
 * `act` takes the action of a given type its current step offers.
 * `base` is read at each call, so the runtime may be started in `beforeAll`.
 * @example const { act } = officersOf(() => runtime.url); await act('tiepnhan.06649', code, 'receive')
 */
export function officersOf(base: () => string, password = 'motcua-demo') {
  const tokens = new Map<string, string>()
  async function as(username: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    let token = tokens.get(username)
    if (!token) {
      const login = await fetch(`${base()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      expect(login.status, `${username} signs in`).toBe(200)
      token = ((await login.json()) as { token: string }).token
      tokens.set(username, token)
    }
    const json = init.body !== undefined && !(init.body instanceof FormData)
    return fetch(`${base()}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(init.body === undefined ? {} : { body: json ? JSON.stringify(init.body) : (init.body as FormData) }),
    })
  }
  const deskDossier = async (username: string, code: string) =>
    (await (await as(username, `/api/desk/dossiers/${code}`)).json()) as DeskDossier
  /** Takes the action of that type the dossier's current step offers the officer (e.g. `yeu_cau_bo_sung`), at its current version. */
  async function act(username: string, code: string, type: string, inputs: Record<string, unknown> = {}) {
    const dossier = await deskDossier(username, code)
    const action = dossier.actions.find((a) => a.type === type)
    expect(
      action,
      `${username} may ${type} on ${code} (offered: ${dossier.actions.map((a) => a.type).join(', ')})`,
    ).toBeDefined()
    const response = await as(username, `/api/desk/dossiers/${code}/actions/${action!.key}`, {
      method: 'POST',
      body: { expectedVersion: dossier.version, ...inputs },
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }
  return { as, deskDossier, act }
}
