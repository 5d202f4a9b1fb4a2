import { describe, expect, it } from 'vitest'
import { escapeHtml } from './escape-html'

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('leaves Vietnamese text alone and does not double-escape on purpose', () => {
    expect(escapeHtml('Nguyễn Thị Lan — Hạ Long')).toBe('Nguyễn Thị Lan — Hạ Long')
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })

  it('turns null and undefined into nothing and numbers into text', () => {
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml(7)).toBe('7')
  })
})
