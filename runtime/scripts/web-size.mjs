#!/usr/bin/env node
// Prints a web app's JavaScript sizes (gzip) from the Vite manifest: what its first page loads before anything else
// (the entry and its static imports), and each lazy chunk. Exits 1 when the initial JS is over the budget.
// Usage: npm run size -w @motcua/runtime [-- --app desk|studio] [-- --json] (after `npm run build -w @motcua/runtime`)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const apps = {
  web: { label: 'portal initial JS (home page)', budgetKb: 250 },
  desk: { label: 'desk initial JS', budgetKb: 250 },
  studio: { label: 'studio initial JS', budgetKb: 400 },
}
const appName = process.argv.includes('--app') ? process.argv[process.argv.indexOf('--app') + 1] : 'web'
const app = apps[appName]
if (!app) throw new Error(`--app must be one of ${Object.keys(apps).join(', ')}`)
const BUDGET_KB = app.budgetKb
const dir = join(import.meta.dirname, '..', 'dist', appName)
const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
const gzip = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length
const raw = (file) => readFileSync(join(dir, file)).length

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const dep of manifest[key].imports ?? []) closure(dep, seen)
  return seen
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
const initial = [...closure(entryKey)]
const initialJs = initial.map((key) => manifest[key].file)
const initialCss = initial.flatMap((key) => manifest[key].css ?? [])
const lazy = Object.keys(manifest)
  .filter((key) => manifest[key].isDynamicEntry)
  .map((key) => {
    const files = [...closure(key)].filter((k) => !initial.includes(k)).map((k) => manifest[k].file)
    return {
      name: manifest[key].name ?? key,
      gzip: files.reduce((sum, f) => sum + gzip(f), 0),
      raw: files.reduce((sum, f) => sum + raw(f), 0),
    }
  })
const report = {
  initialJsGzip: initialJs.reduce((sum, f) => sum + gzip(f), 0),
  initialJsRaw: initialJs.reduce((sum, f) => sum + raw(f), 0),
  initialCssGzip: initialCss.reduce((sum, f) => sum + gzip(f), 0),
  budgetGzip: BUDGET_KB * 1024,
  lazy,
}
if (process.argv.includes('--json')) console.log(JSON.stringify(report))
else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  console.log(
    `${app.label}: ${kb(report.initialJsGzip)} gzip (${kb(report.initialJsRaw)} raw), budget ${BUDGET_KB} KB; CSS ${kb(report.initialCssGzip)} gzip`,
  )
  for (const chunk of lazy) console.log(`  lazy ${chunk.name}: +${kb(chunk.gzip)} gzip (${kb(chunk.raw)} raw)`)
}
if (report.initialJsGzip > report.budgetGzip) {
  console.error(`over budget: ${report.initialJsGzip} > ${report.budgetGzip} bytes gzip`)
  process.exit(1)
}
