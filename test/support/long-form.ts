import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { repoRoot } from './runtime-process'

/** Fields of the long form: a procedure with 120 fields on one page, the worst a citizen is expected to meet. */
export const LONG_FORM_FIELDS = 120
export const LONG_FORM_CODE = 'QN-THU-120'

/** The birth registration procedure with its form replaced by 120 text, date and ID-number fields on one page. */
export function longFormProcedure(): Record<string, unknown> {
  const base = JSON.parse(
    readFileSync(join(repoRoot, 'procedures/dang-ky-khai-sinh/procedure.json'), 'utf8'),
  ) as Record<string, unknown> & { steps: { actions: Record<string, unknown>[] }[] }
  const properties: Record<string, unknown> = {}
  for (let i = 1; i <= LONG_FORM_FIELDS; i++) {
    const key = `truong_${String(i).padStart(3, '0')}`
    properties[key] =
      i % 12 === 5
        ? { type: 'string', format: 'date', title: `Ngày thứ ${i}` }
        : i % 12 === 7
          ? { type: 'string', format: 'cccd', title: `Số căn cước ${i}` }
          : { type: 'string', title: `Trường thứ ${i}`, maxLength: 200 }
  }
  for (const step of base.steps) for (const action of step.actions) delete action.guard
  return {
    ...base,
    code: LONG_FORM_CODE,
    name: 'Tờ khai thử nghiệm 120 trường',
    nameEn: 'A 120-field test form',
    form: { schema: { type: 'object', properties, required: ['truong_001'] }, uiSchema: {} },
    components: [],
    fees: [{ key: 'le_phi', name: 'Lệ phí', amount: 0 }],
  }
}

async function call(url: string, path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  })
  const body = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

/** Signs in as a province administrator and publishes the long form on a running runtime. */
export async function publishLongForm(url: string, admin: { username: string; password: string }): Promise<void> {
  const { token } = (await call(url, '/api/auth/login', { method: 'POST', body: admin })) as { token: string }
  const draft = (await call(url, '/api/admin/drafts', {
    method: 'POST',
    body: { definition: longFormProcedure() },
    token,
  })) as { id: string }
  await call(url, `/api/admin/drafts/${draft.id}/publish`, { method: 'POST', body: {}, token })
}

/** Opens the long form's submission page for a ward and waits for its last field. */
export async function openLongForm(page: Page, url: string) {
  await page.goto(`${url}/thu-tuc/${LONG_FORM_CODE}/nop-ho-so?don-vi=06649`)
  const last = page.locator(`#root_truong_${LONG_FORM_FIELDS}`)
  await last.waitFor()
  return last
}
