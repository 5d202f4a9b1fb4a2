/**
 * Fills motcua's scratch database with realistic dossiers for the bench, in a few `INSERT … SELECT generate_series`
 * statements (no per-row round trips): one ward gets a tenth of them, the rest spread over every unit that offers a
 * library procedure; ~7.7 % are still in progress (at a step of their procedure, most of them received and due
 * within a few weeks either side of now, some stopped for a supplement), the rest ended over the past four and a half
 * years. Names are Vietnamese, drawn with realistic surname frequencies; `search_text` is folded as submission folds it.
 *
 * Dossier `n` (0, 1, 2 …) is the same row whatever range it is filled in, so a small fill and then the rest give the
 * same database as one big fill.
 */
import { foldVietnamese } from '@motcua/core'
import postgres from 'postgres'

/** Every tenth dossier is the busy ward's. */
const BUSY_EVERY = 10
/** The share of dossiers still in progress (the busy ward: 7,700 of 100,000). */
const OPEN_SHARE = 0.077
/** Dossiers a busy-ward day receives, and a day at any other unit (sets how far back the history goes). */
const BUSY_PER_DAY = 60
const OTHER_PER_DAY = 3

// surnames weighted roughly as in the population (Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 % …)
export const surnames = [
  ...Array(38).fill('Nguyễn'),
  ...Array(11).fill('Trần'),
  ...Array(10).fill('Lê'),
  ...Array(7).fill('Phạm'),
  ...Array(5).fill('Hoàng'),
  ...Array(5).fill('Vũ'),
  ...Array(4).fill('Đặng'),
  ...Array(4).fill('Bùi'),
  ...Array(4).fill('Đỗ'),
  ...Array(3).fill('Ngô'),
  ...Array(3).fill('Dương'),
  ...Array(2).fill('Lý'),
  'Phan',
  'Võ',
  'Hồ',
  'Đinh',
  'Lương',
  'Trịnh',
  'Mai',
  'Đào',
]
export const middles = [
  'Văn',
  'Văn',
  'Văn',
  'Thị',
  'Thị',
  'Thị',
  'Đức',
  'Minh',
  'Hữu',
  'Ngọc',
  'Thu',
  'Thanh',
  'Quang',
  'Xuân',
]
export const givens = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Dung',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Huyền',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Phong',
  'Phương',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Trang',
  'Trung',
  'Tuấn',
  'Tùng',
  'Vân',
  'Việt',
  'Yến',
]

/** The receiving officers' queue sizes this fill gives, for the report. */
export function fillShape(count: number) {
  const busy = Math.ceil(count / BUSY_EVERY)
  return { busy, busyOpen: Math.min(busy, Math.round((count / BUSY_EVERY) * OPEN_SHARE)) }
}

interface UnitRow {
  id: string
  code: string
  electronic_id: string
  level: string
}
interface VersionRow {
  id: string
  level: string
  units: string[] | null
  keys: string[]
  roles: string[]
  statuses: number[]
}

/**
 * Inserts dossiers number `from` … `to - 1` (and each one's submit event), then refreshes the planner's statistics.
 * A big fill runs in `sessions` parallel transactions with the foreign keys unchecked (the rows reference what was
 * just read) and the secondary indexes built once afterwards, as a restore does, instead of updated row by row.
 * @example await fillDossiers(url, { busyUnitCode: '06649', from: 0, to: 1_000_000, total: 1_000_000 })
 */
export async function fillDossiers(
  url: string,
  options: { busyUnitCode: string; from: number; to: number; total: number; now?: Date; sessions?: number },
): Promise<{ insertSeconds: number; indexSeconds: number; vacuumSeconds: number }> {
  let lap = Date.now()
  const seconds = () => {
    const elapsed = (Date.now() - lap) / 1000
    lap = Date.now()
    return elapsed
  }
  const { busyUnitCode, from, to, total } = options
  const bulk = to - from > 50_000
  const sessions = bulk ? (options.sessions ?? 2) : 1
  const now = options.now ?? new Date()
  const sql = postgres(url, { max: sessions, onnotice: () => {} })
  try {
    const units = await sql<UnitRow[]>`select id, code, electronic_id, level from units where effective_to is null`
    const versions = await sql<VersionRow[]>`
      select distinct on (p.code) pv.id, pv.definition->>'level' as level,
        (select array_agg(u) from jsonb_array_elements_text(pv.definition->'units') u) as units,
        (select array_agg(s->>'key' order by o) from jsonb_array_elements(pv.definition->'steps') with ordinality x(s, o)) as keys,
        (select array_agg(s->>'role' order by o) from jsonb_array_elements(pv.definition->'steps') with ordinality x(s, o)) as roles,
        (select array_agg((s->>'status')::int order by o) from jsonb_array_elements(pv.definition->'steps') with ordinality x(s, o)) as statuses
      from procedure_versions pv join procedures p on p.id = pv.procedure_id
      order by p.code, pv.version desc`
    const offered = (u: UnitRow) =>
      versions.filter((v) => (v.units?.length ? v.units.includes(u.code) : v.level === u.level)).map((v) => v.id)
    const busy = units.find((u) => u.code === busyUnitCode)
    if (!busy || offered(busy).length === 0) throw new Error(`fill: no unit ${busyUnitCode} offering a procedure`)
    // the busy ward first (unit 0), then every other unit that offers something
    const working = [busy, ...units.filter((u) => u !== busy && offered(u).length > 0)]
    const versionIndex = new Map(versions.map((v, n) => [v.id, n]))
    await sql`create unlogged table bench_fill_unit (n int primary key, id uuid, eid text, versions int[])`
    await sql`create unlogged table bench_fill_version (n int primary key, id uuid, keys text[], roles text[], statuses int[])`
    await sql`insert into bench_fill_version ${sql(versions.map((v, n) => ({ n, id: v.id, keys: v.keys, roles: v.roles, statuses: v.statuses })))}`
    await sql`insert into bench_fill_unit ${sql(
      working.map((u, n) => ({
        n,
        id: u.id,
        eid: u.electronic_id,
        versions: offered(u).map((id) => versionIndex.get(id)!),
      })),
    )}`
    const rebuilt = bulk
      ? await sql<{ name: string; definition: string }[]>`
          select i.indexname as name, i.indexdef as definition from pg_indexes i
          where i.schemaname = current_schema() and i.tablename in ('dossiers', 'dossier_events')
            and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`
      : []
    for (const { name } of rebuilt) await sql`drop index ${sql(name)}`
    const step = Math.ceil((to - from) / sessions)
    await Promise.all(
      Array.from({ length: sessions }, (_, i) =>
        sql.begin(async (tx) => {
          await tx`set local synchronous_commit = off`
          if (bulk) await tx`set local session_replication_role = replica`
          await insertRange(tx, {
            from: from + i * step,
            to: Math.min(to, from + (i + 1) * step),
            total,
            now,
            others: working.length - 1,
          })
        }),
      ),
    )
    const insertSeconds = seconds()
    // the trigram index takes longest: build it beside the others
    const gin = rebuilt.filter((r) => / using gin /i.test(r.definition))
    const rest = rebuilt.filter((r) => !gin.includes(r))
    await Promise.all(
      [gin, rest].map((list) =>
        sql.begin(async (tx) => {
          await tx`set local maintenance_work_mem = '512MB'`
          for (const { definition } of list) await tx.unsafe(definition)
        }),
      ),
    )
    await sql`drop table bench_fill_unit, bench_fill_version`
    const indexSeconds = seconds()
    await sql`vacuum analyze dossiers`
    await sql`vacuum analyze dossier_events`
    return { insertSeconds, indexSeconds, vacuumSeconds: seconds() }
  } finally {
    await sql.end()
  }
}

async function insertRange(
  tx: postgres.TransactionSql,
  { from, to, total, now, others }: { from: number; to: number; total: number; now: Date; others: number },
): Promise<void> {
  const int = (value: number) => tx`${value}::int`
  const busyOpen = Math.round((total / BUSY_EVERY) * OPEN_SHARE)
  const otherOpen = Math.round(((total * (BUSY_EVERY - 1)) / BUSY_EVERY / others) * OPEN_SHARE)
  // dossier n: its unit, its index m among that unit's dossiers (0 = the newest), hence the day it came in
  // (days_back, 0 = yesterday) and its number that day (seq); the newest ones are still in progress
  await tx`
      with numbered as (
        select n, hashint4(n)::bigint & 2147483647 as h,
          case when n % ${int(BUSY_EVERY)} = 0 then 0 else 1 + (n - n / ${int(BUSY_EVERY)} - 1) % ${int(others)} end as unit_n,
          case when n % ${int(BUSY_EVERY)} = 0 then n / ${int(BUSY_EVERY)}
               else (n - n / ${int(BUSY_EVERY)} - 1) / ${int(others)} end as m,
          case when n % ${int(BUSY_EVERY)} = 0 then ${int(BUSY_PER_DAY)} else ${int(OTHER_PER_DAY)} end as per_day,
          case when n % ${int(BUSY_EVERY)} = 0 then ${int(busyOpen)} else ${int(otherOpen)} end as open_count
        from generate_series(${int(from)}, ${int(to - 1)}) n
      ), placed as (
        select x.n, x.h, x.m, u.id as unit_id, u.eid, x.m / x.per_day as days_back, x.m % x.per_day + 1 as seq,
          x.m < x.open_count as open, v.id as version_id, v.keys, v.roles, v.statuses,
          (${tx.array(surnames)}::text[])[1 + x.h % ${int(surnames.length)}] as s,
          (${tx.array(middles)}::text[])[1 + x.h / 1000 % ${int(middles.length)}] as mi,
          (${tx.array(givens)}::text[])[1 + x.h / 100000 % ${int(givens.length)}] as g,
          (${tx.array(surnames.map(foldVietnamese))}::text[])[1 + x.h % ${int(surnames.length)}] as fs,
          (${tx.array(middles.map(foldVietnamese))}::text[])[1 + x.h / 1000 % ${int(middles.length)}] as fmi,
          (${tx.array(givens.map(foldVietnamese))}::text[])[1 + x.h / 100000 % ${int(givens.length)}] as fg,
          '0221' || lpad((x.h % 100000000)::text, 8, '0') as id_number
        from numbered x
        join bench_fill_unit u on u.n = x.unit_n
        join bench_fill_version v on v.n = u.versions[1 + x.m % array_length(u.versions, 1)]
      ), timed as (
        select p.*,
          -- in progress: at step k (1 = waiting to be received); ended: 10 returned, 3 refused, 7 withdrawn, 8 stopped
          case when open then 1 + (m * 7 + m / 5) % array_length(keys, 1) end as k,
          case when open then null
               else (array[10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,3,7,8])[1 + (m * 13) % 20] end as end_status,
          -- the day it came in, at an office hour (Vietnam time)
          (date_trunc('day', ${now}::timestamptz at time zone 'Asia/Ho_Chi_Minh') - make_interval(days => 1 + days_back::int)
            + make_interval(mins => 7 * 60 + (h % 570)::int)) at time zone 'Asia/Ho_Chi_Minh' as submitted_at
        from placed p
      ), shaped as (
        select t.*,
          eid || '-' || to_char(submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(seq::text, 4, '0') as code,
          case when k > 1 or end_status is not null then submitted_at + interval '1 hour' end as received_at,
          -- received and in progress: due from ten days ago to a month ahead
          case
            when k > 1 then greatest(submitted_at + interval '2 hours', ${now}::timestamptz + make_interval(hours => ((m * 53) % 960 - 240)::int))
            when end_status is not null then submitted_at + interval '5 days'
          end as due_at,
          k > 1 and m % 10 = 3 as paused
        from timed t
      ), inserted as (
        insert into dossiers (id, receipt_code, lookup_pin_hash, procedure_version_id, unit_id, filed_unit_id,
          receiving_unit_id, current_unit_id, channel, status, current_step, "current_role", applicant, form_data, submitted_at,
          received_at, due_at, paused_at, done_at, returned_at, version, search_text, updated_at)
        select gen_random_uuid(), code, md5(n::text), version_id, unit_id, unit_id, unit_id, case when open then unit_id end,
          (array[2,2,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,1,3])[1 + (m * 3) % 20],
          case when open then (case when paused then 5 else statuses[k] end) else end_status end,
          case when open then keys[k] end, case when open then roles[k] end,
          jsonb_build_object('fullName', s || ' ' || mi || ' ' || g, 'idNumber', id_number,
            'phone', '09' || lpad((h % 99999989)::text, 8, '0')),
          jsonb_build_object('diaChi', 'Số ' || (1 + h % 300) || ', tổ ' || (1 + h % 12) || ', khu ' || (1 + h % 9),
            'ghiChu', 'Hồ sơ do bench sinh', 'soBanSao', 1 + h % 3),
          submitted_at, received_at, due_at,
          case when paused then least(due_at, submitted_at + interval '1 day') end,
          case when end_status is not null then submitted_at + interval '3 days' end,
          case when end_status = 10 then submitted_at + interval '4 days' end,
          case when open then k else 5 end,
          fs || ' ' || fmi || ' ' || fg || ' ' || id_number || ' ' || lower(code),
          submitted_at
        from shaped
        returning id, submitted_at
      )
      insert into dossier_events (dossier_id, seq, at, action, to_status, data)
      select id, 1, submitted_at, 'submit', 1, '{"channel": 2, "fees": []}'::jsonb from inserted`
}
