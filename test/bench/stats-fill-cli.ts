/** `npm run stats:fill`: the statistics generator's command line (see `--help` and test/bench/README.md). */
import { parseArgs } from 'node:util'
import { createStatsDatabase, defaultMonths, fillStatistics, formatReport } from './stats-fill'

const usage = `npm run stats:fill -- [options]

Fills a PostgreSQL database with generated dossiers for the statistics (issue #15): migrated and seeded as on
first start if it is not, the shipped reorganisation plans applied, then the dossiers and their events by COPY, the
indexes, the statistics rollup (motcua_stats_rebuild()) and VACUUM ANALYZE. A database that already has dossiers
is refused.

The database is DATABASE_URL, e.g.
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_stats npm run stats:fill
or, with --scratch, a new database created on DATABASE_URL's server (which must let it create databases), kept
afterwards: its URL is printed (reuse it with npm run bench:statistics -- --reuse <url>, drop it when done).

Options:
  --dossiers N     how many (default 2180000)
  --from YYYY-MM   the first month of filing (default: 35 months before the current one)
  --to YYYY-MM     the last month (default: the current one; filing stops yesterday)
  --seed N         the same seed, the same data (default 1)
  --scratch        fill a new database on DATABASE_URL's server instead of DATABASE_URL itself
  --quiet          no progress bar
  --help           this text`

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    seed: { type: 'string' },
    scratch: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error(`npm run stats:fill needs DATABASE_URL.\n\n${usage}`)
  process.exit(1)
}
const month = /^\d{4}-(0[1-9]|1[0-2])$/
const months = {
  ...defaultMonths(),
  ...(values.from ? { from: values.from } : {}),
  ...(values.to ? { to: values.to } : {}),
}
const dossiers = Number(values.dossiers ?? 2_180_000)
const seed = Number(values.seed ?? 1)
if (!month.test(months.from) || !month.test(months.to) || months.from > months.to)
  throw new Error('--from and --to are months YYYY-MM, --from first')
if (!Number.isInteger(dossiers) || dossiers < 1) throw new Error('--dossiers must be a whole number ≥ 1')
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number')

const scratch = values.scratch ? await createStatsDatabase(serverUrl) : undefined
const url = scratch?.url ?? serverUrl
console.log(
  `stats:fill: ${dossiers.toLocaleString('en-US')} dossiers, ${months.from} … ${months.to}, into ${new URL(url).pathname.slice(1)}`,
)
try {
  const report = await fillStatistics(url, { dossiers, ...months, seed, progress: !values.quiet })
  console.log(`\n${formatReport(report)}`)
  if (scratch) console.log(`\nthe scratch database, kept: ${scratch.url}`)
} catch (error) {
  console.error(error)
  if (scratch) await scratch.drop()
  process.exitCode = 1
}
