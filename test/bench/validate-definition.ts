/**
 * validateDefinition on the library's largest procedure, as the studio calls it after every keystroke: cold (first
 * call), warm (the same definition again), after a field's title changes, after a step's budget changes, and after a
 * constraint changes (the form schema compiles anew). A figure for the report, never an assertion.
 * Run: node --conditions=source --import tsx test/bench/validate-definition.ts
 */
import { readFileSync } from 'node:fs'
import { validateDefinition } from '@motcua/core'

const file = new URL('../../procedures/cap-phieu-ly-lich-tu-phap/procedure.json', import.meta.url)
const text = readFileSync(file, 'utf8')
const fresh = () => JSON.parse(text)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const time = (f: () => void) => {
  const start = performance.now()
  f()
  return performance.now() - start
}

const cold = time(() => validateDefinition(fresh()))
const ROUNDS = 30
const warm: number[] = []
const title: number[] = []
const budget: number[] = []
const constraint: number[] = []
for (let i = 0; i < ROUNDS; i++) {
  const def = fresh()
  warm.push(time(() => validateDefinition(def)))
  // a keystroke in a field's title
  def.form.schema.properties.nguoi_duoc_cap.title += String.fromCharCode(97 + (i % 26))
  title.push(time(() => validateDefinition(def)))
  const edited = fresh()
  edited.steps[0].budget = { kind: 'workingHours', hours: 4 + i }
  budget.push(time(() => validateDefinition(edited)))
  // a keystroke in a constraint: the form schema compiles differently, so nothing remembered serves
  edited.form.schema.properties.nguoi_duoc_cap.maxProperties = 100 + i
  constraint.push(time(() => validateDefinition(edited)))
}
const f = (ms: number) => `${ms.toFixed(1)} ms`
console.log(`cold ${f(cold)}; median of ${ROUNDS}: warm ${f(median(warm))}, after a title edit ${f(median(title))},`)
console.log(`  after a budget edit ${f(median(budget))}, after a constraint edit ${f(median(constraint))}`)
