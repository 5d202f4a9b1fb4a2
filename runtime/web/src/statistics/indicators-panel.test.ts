import { type Figures, indicators766 } from '@motcua/core'
import { LocaleProvider } from '@motcua/web-kit'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { IndicatorsTable, type IndicatorsView, scopeQuery } from './indicators-panel'

const figures: Figures = {
  carriedOver: 0,
  received: { counter: 60, online: 40, post: 0, total: 100 },
  onlineShare: 0.4,
  resolved: { early: 50, onTime: 22, late: 8, total: 80 },
  onTimeShare: 0.9,
  inProgress: { inTime: 15, overdue: 5, total: 20 },
  waiting: null,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  time: { averageDays: 2.4, medianDays: 2, legalAverageDays: 4, savedShare: 0.4 },
}

const view: IndicatorsView = {
  unit: { code: '06649', name: 'Phường Hà Khánh', level: 'commune', parentCode: '22', from: '2025-07-01', to: null },
  period: { from: '2025-01', to: '2025-03' },
  ...indicators766({
    figures,
    catalogue: { procedures: 10, full: 4, partial: 3, onlineShare: 0.7, target: 0.7 },
    procedures: [],
  }),
}

describe('IndicatorsTable', () => {
  const html = renderToStaticMarkup(createElement(LocaleProvider, null, createElement(IndicatorsTable, { view })))
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

  it('shows each computed indicator with its result and points, in Vietnamese', () => {
    expect(text).toContain('Các chỉ số tính được từ hồ sơ, 01/2025 – 03/2025')
    expect(html).toContain('data-indicator="2.1"')
    expect(text).toContain('Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn')
    // (50 + 22 + 15) / 100 → 17.4 of 20 points
    expect(text).toMatch(/87\s?%/)
    expect(text).toContain('17,4 / 20')
    expect(text).toContain('2,4 ngày')
    expect(text).toContain('Không chấm điểm')
    expect(text).toContain('tính được 32 trong 100 điểm; đạt 17,4 điểm')
  })

  it('lists what cannot be computed, with the reason', () => {
    for (const i of view.notComputed) expect(html).toContain(`data-indicator="${i.key}"`)
    expect(text).toContain('Những chỉ số chưa tính được')
    expect(text).toContain('Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị (tối đa 6 điểm)')
  })
})

describe('scopeQuery', () => {
  it('names the unit only when there is one', () => {
    expect(scopeQuery({ from: '2025-01', to: '2025-03', structure: 'now' })).toBe(
      'from=2025-01&to=2025-03&structure=now',
    )
    expect(scopeQuery({ unitCode: '06649', from: '2025-01', to: '2025-03', structure: 'then' })).toBe(
      'from=2025-01&to=2025-03&structure=then&unit=06649',
    )
  })
})
