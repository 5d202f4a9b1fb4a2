import { is, Param, Placeholder, type Query, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Db } from './open-database'

type Fields = NonNullable<Parameters<Db['_']['session']['prepareQuery']>[1]>

/** The values of a statement built once, each handed to its builder as a placeholder. */
export type Placeholders<V> = { [K in keyof V]-?: Placeholder<K & string> }

/** Runs the statement on `db` (the pool or a transaction); `undefined` values are left out, as drizzle leaves them. */
export type BuiltOnce<V, T> = (db: Db, values: V) => Promise<T[]>

// each value through its column's encoding, as drizzle does for a value written in place (its own placeholder
// filling would hand null to the encoder: a null timestamp throws, a null jsonb becomes JSON null)
const fill = (params: unknown[], values: Record<string, unknown>) =>
  params.map((p) => {
    if (is(p, Param) && is(p.value, Placeholder)) {
      const value = values[p.value.name]
      return value === null || value === undefined ? null : p.encoder.mapToDriverValue(value)
    }
    return is(p, Placeholder) ? (values[p.name] ?? null) : p
  })

/**
 * A statement whose SQL is built once and then run on any session, the pool or a transaction. Drizzle builds a
 * query's SQL on every call (about 150 µs for a 25-column insert), and a query `.prepare()`d on the pool cannot run
 * inside a transaction begun later. `build` writes the statement with the placeholders it is given (one per value,
 * built again only for another set of values); `returning` names what the statement returns, exactly as passed to
 * its `.returning(…)`, or is omitted when it returns nothing. On PostgreSQL the statement is also prepared by name
 * (parsed and planned once per connection).
 * @example const insertEvent = builtOnce<typeof dossierEvents.$inferInsert>((db, row) => db.insert(dossierEvents).values(row))
 */
export function builtOnce<V extends Record<string, unknown>, T = never>(
  build: (db: Db, values: Placeholders<V>) => { toSQL(): Query },
  returning?: Record<string, PgColumn | SQL>,
): BuiltOnce<V, T> {
  const queries = new Map<string, Query>()
  const fields: Fields | undefined = returning
    ? Object.entries(returning).map(([key, field]) => ({ path: [key], field }))
    : undefined
  return async (db, values) => {
    const keys = Object.keys(values).filter((key) => values[key] !== undefined)
    const shape = keys.join()
    let query = queries.get(shape)
    if (!query) {
      query = build(db, Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as Placeholders<V>).toSQL()
      queries.set(shape, query)
    }
    const statement = db._.session.prepareQuery(
      { sql: query.sql, params: fill(query.params, values) },
      fields,
      'built-once',
      fields !== undefined,
    )
    const rows = await statement.execute()
    return fields ? (rows as T[]) : []
  }
}

/**
 * A prepared statement made once per database (the pool) and kept: the request path's hot reads neither rebuild
 * their SQL nor have PostgreSQL parse and plan it again. Not for use inside a transaction (see `builtOnce`).
 * @example const bySession = preparedOnce((db) => db.select().from(sessions).where(eq(sessions.tokenHash, sql.placeholder('hash'))).prepare('session_by_hash'))
 */
export function preparedOnce<P>(prepare: (db: Db) => P): (db: Db) => P {
  const prepared = new WeakMap<Db, P>()
  return (db) => {
    let statement = prepared.get(db)
    if (!statement) prepared.set(db, (statement = prepare(db)))
    return statement
  }
}
