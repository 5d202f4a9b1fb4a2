import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Whether the browser tests can run; in CI they must (CI installs Debian's chromium). */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI)
    throw new Error(
      `${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium) for the browser tests`,
    )
  console.warn(
    `\n!!! ${CHROMIUM} not found: SKIPPING the browser tests (apt-get install -y chromium to run them) !!!\n`,
  )
  return false
}

/** A browser with one page, as a phone or a desktop. */
export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and console errors, to assert there are none. */
  errors: string[]
  close(): Promise<void>
}

// Debian's Chromium, headless, with a fresh profile (`--user-data-dir`) and nothing that phones home; Vietnamese, Vietnam time.
const launchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
} satisfies Parameters<typeof chromium.launchPersistentContext>[1]

async function launch(device: Parameters<typeof chromium.launchPersistentContext>[1]): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, ...device })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return {
    context,
    page,
    errors,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export type Phone = BrowserSession

/** The browser as a phone: 360 × 740, touch. */
export const launchPhone = (): Promise<BrowserSession> =>
  launch({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })

/** The browser as an administrator's desktop: 1280 × 800. */
export const launchDesktop = (): Promise<BrowserSession> => launch({ viewport: { width: 1280, height: 800 } })

/** The browser as an officer's office screen: 1366 × 768. */
export const launchOffice = (): Promise<BrowserSession> => launch({ viewport: { width: 1366, height: 768 } })

/** The browser as a tablet held upright: 800 × 1280, touch. */
export const launchTablet = (): Promise<BrowserSession> =>
  launch({ viewport: { width: 800, height: 1280 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })

let axeSource: string | undefined

/**
 * What axe-core finds on the page as it is now, one "rule: targets" per violation (empty when none).
 * @example expect(await axeViolations(page), page.url()).toEqual([])
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> }
      }
    ).axe.run()
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}
