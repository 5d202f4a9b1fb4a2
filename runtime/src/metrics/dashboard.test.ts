import { readFileSync } from 'node:fs'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'
import { declaredNames, sampleValue } from './test-support'

interface Panel {
  type: string
  title: string
  datasource?: { uid: string }
  targets?: { expr: string; datasource?: { uid: string } }[]
}
interface Dashboard {
  __inputs: { name: string; type: string; pluginId: string }[]
  panels: Panel[]
  templating: { list: { name: string; definition: string; datasource: { uid: string } }[] }
}

const dashboard = JSON.parse(
  readFileSync(new URL('../../../deploy/grafana/motcua-dashboard.json', import.meta.url), 'utf8'),
) as Dashboard
const expressions = [
  ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
  ...dashboard.templating.list.map((v) => v.definition),
]

const promqlWords = new Set(['offset', 'bool', 'and', 'or', 'unless'])

/** The metric names a PromQL expression reads: its identifiers that are not functions, keywords, labels or numbers. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/label_values\(([^,)]+),[^)]*\)/g, '$1') // a variable's query: the second argument is a label
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '') // label lists
    .replace(/\$\w+/g, '') // dashboard variables
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter(([, name, call]) => !call && !promqlWords.has(name!) && !/^(?:e|inf|nan)$/i.test(name!))
    .map(([, name]) => name!)
}

describe('the Grafana dashboard (deploy/grafana/motcua-dashboard.json)', () => {
  it('imports with a Prometheus data source chosen at import', () => {
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', pluginId: 'prometheus' })])
    const sources = [
      ...dashboard.panels
        .filter((p) => p.type !== 'row')
        .flatMap((p) => [p.datasource, ...(p.targets ?? []).map((t) => t.datasource)]),
      ...dashboard.templating.list.map((v) => v.datasource),
    ]
    // Grafana's placeholder for the data source picked at import, `${DS_PROMETHEUS}`
    for (const source of sources) expect(source?.uid).toBe(`\${DS_PROMETHEUS}`)
  })

  it('reads the metric names out of PromQL', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(a_bucket{route=~"$route", x="b{c}"}[$__rate_interval]))) / on (i) b * 60',
      ),
    ).toEqual(['a_bucket', 'b'])
    expect(metricNames('label_values(motcua_database_up, instance)')).toEqual(['motcua_database_up'])
  })

  describe.each(testDrivers())('against a runtime on $name', ({ open }) => {
    let runtime: TestRuntime
    let scraped: string

    beforeAll(async () => {
      runtime = await openTestRuntime(open, { plugins: [], submitLimitPerMinute: 0 })
      const { act } = asOfficers(() => runtime)
      const res = await runtime.app.request(
        '/api/dossiers',
        sampleSubmission(libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh'), '193'),
      )
      const { receiptCode } = (await res.json()) as { receiptCode: string }
      await runtime.app.request(`/api/track/${receiptCode}`)
      await act('tiepnhan.193', receiptCode, 'tiep_nhan')
      // a delivery waiting and one dead, as the outbox has them when a plugin's receiver is down
      await runtime.database.db.insert(outbox).values([
        { topic: 'hook.submitted', pluginSlug: 'gui-lai-thu', payload: {} },
        { topic: 'hook.submitted', pluginSlug: 'gui-lai-thu', payload: {}, state: 'dead' },
      ])
      await runtime.app.request('/metrics') // the first scrape starts Node's own metrics
      scraped = await (await runtime.app.request('/metrics')).text()
    })
    afterAll(() => runtime?.close())

    it('uses only metrics the runtime exposes, and each of them has a value', () => {
      const declared = declaredNames(scraped)
      const used = new Set(expressions.flatMap(metricNames))
      expect(used.size).toBeGreaterThan(10)
      expect([...used].filter((name) => !declared.has(name))).toEqual([])
      // PGlite is one connection inside the process: no pool to report
      const postgresOnly = new Set(runtime.database.driver === 'postgres' ? [] : ['motcua_database_connections'])
      const withoutValue = [...used].filter(
        (name) => !postgresOnly.has(name) && !new RegExp(`^${name}(?:\\{| )`, 'm').test(scraped),
      )
      expect(withoutValue).toEqual([])
      expect(sampleValue(scraped, 'motcua_database_up', {})).toBe(1)
    })
  })
})
