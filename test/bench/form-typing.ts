/**
 * Typing into the 120-field form in Debian's Chromium (the portal as the runtime serves it): from each input event
 * to the frame after React has handled it (the delay a person sees), and the browser's own Event Timing entries over
 * 16 ms. A figure for the report, never an assertion: the machine is shared.
 */
import { existsSync } from 'node:fs'
import { CHROMIUM, launchPhone } from '../support/browser'
import { LONG_FORM_FIELDS, openLongForm } from '../support/long-form'

export interface FormTyping {
  fields: number
  keystrokes: number
  medianMs: number
  p95Ms: number
  maxMs: number
  /** Event Timing entries (keydown, input …) over 16 ms. */
  slowEvents: number
}

const TEXT = 'Nguyễn Văn Hùng, số 12 tổ 5 khu 3 phường Hà Khánh'

/** Types into the last field of the long form (published beforehand) at 40 ms a key; undefined without Chromium. */
export async function measureFormTyping(url: string): Promise<FormTyping | undefined> {
  if (!existsSync(CHROMIUM)) return undefined
  const phone = await launchPhone()
  try {
    const { page } = phone
    const last = await openLongForm(page, url)
    await page.evaluate(() => {
      const w = window as unknown as { latencies: number[]; slowEvents: number[] }
      w.latencies = []
      w.slowEvents = []
      document.addEventListener(
        'input',
        (event) => {
          const start = event.timeStamp
          requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0))
        },
        true,
      )
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (['keydown', 'keypress', 'input', 'keyup'].includes(entry.name)) w.slowEvents.push(entry.duration)
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
    })
    await last.scrollIntoViewIfNeeded()
    await last.click()
    await last.pressSequentially(TEXT, { delay: 40 })
    await page.waitForTimeout(300)
    if ((await last.inputValue()) !== TEXT) throw new Error('form typing: the field lost keystrokes')
    const { latencies, slowEvents } = await page.evaluate(() => {
      const w = window as unknown as { latencies: number[]; slowEvents: number[] }
      return { latencies: w.latencies, slowEvents: w.slowEvents }
    })
    const sorted = [...latencies].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
    return {
      fields: LONG_FORM_FIELDS,
      keystrokes: latencies.length,
      medianMs: at(0.5),
      p95Ms: at(0.95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      slowEvents: slowEvents.length,
    }
  } finally {
    await phone.close()
  }
}
