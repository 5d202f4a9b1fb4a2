import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../support/contrast'

// the focus ring and borders of the three stylesheets (the portal, the staff apps, the shared forms)
const css = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
// the value of a custom property as the stylesheet's :root sets it
const variable = (sheet: string, name: string) => {
  const found = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(sheet)
  if (!found) throw new Error(`--${name} is not set`)
  return found[1]!
}

const portal = css('runtime/web/src/styles.css')
const staff = css('packages/web-kit/src/staff-app.css')
const forms = css('packages/forms/src/forms.css')

describe('the focus ring', () => {
  it('is computed the WCAG way: the old yellow ring was 1.6:1 on white', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffbf47', '#ffffff')).toBeLessThan(1.7)
  })

  for (const [app, sheet, backgrounds] of [
    ['portal', portal, ['#ffffff', 'mc-surface', 'mc-primary', 'mc-primary-dark', 'mc-error', 'mc-success']],
    ['staff apps', staff, ['#ffffff', 'ui-surface', 'ui-primary', 'ui-primary-dark', 'ui-header', 'ui-error']],
  ] as const) {
    it(`reaches 3:1 on white and on the blue header and buttons (${app})`, () => {
      const ring = variable(sheet, 'focus')
      const ink = variable(sheet, 'focus-ink')
      expect(contrastRatio(ink, '#ffffff')).toBeGreaterThanOrEqual(3)
      const blue = app === 'portal' ? variable(sheet, 'mc-primary') : variable(sheet, 'ui-primary')
      expect(contrastRatio(ring, blue)).toBeGreaterThanOrEqual(3)
      // two colours at least 9:1 apart: whatever the background, one of them stands 3:1 from it (technique C40)
      expect(contrastRatio(ring, ink)).toBeGreaterThanOrEqual(9)
      for (const background of backgrounds) {
        const colour = background.startsWith('#') ? background : variable(sheet, background)
        const best = Math.max(contrastRatio(ring, colour), contrastRatio(ink, colour))
        expect(best, `on ${background}`).toBeGreaterThanOrEqual(3)
      }
    })
  }

  it('is drawn in both colours wherever a stylesheet draws it', () => {
    for (const sheet of [portal, staff]) {
      const rule = /\n:focus-visible \{([^}]*)\}/.exec(sheet)![1]!
      expect(rule).toContain('var(--focus-ink)')
      expect(rule).toContain('var(--focus)')
    }
    // the forms' fallbacks (an app that sets no ring) are the same two colours
    expect(forms).toContain('var(--focus, #ffdd00)')
    expect(forms).toContain('var(--focus-ink, #0b0c0c)')
    for (const sheet of [portal, forms]) expect(sheet).not.toMatch(/#ffbf47/i)
  })

  it('leaves the inputs a border of 3:1 on white, set where every input sees it', () => {
    expect(contrastRatio(variable(portal, 'mc-border'), '#ffffff')).toBeGreaterThanOrEqual(3)
    expect(forms).toMatch(/:root,\s*\.mc-form \{\s*--mc-form-primary/)
  })
})
