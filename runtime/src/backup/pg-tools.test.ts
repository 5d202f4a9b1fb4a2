import { describe, expect, it } from 'vitest'
import { chooseTool, libpqConnection, redact } from './pg-tools'

describe('choosing pg_dump and pg_restore', () => {
  const tools = [
    { path: '/usr/lib/postgresql/17/bin/pg_dump', major: 17 },
    { path: '/usr/bin/pg_dump', major: 15 },
    { path: '/usr/lib/postgresql/16/bin/pg_dump', major: 16 },
  ]

  it('takes the server’s own version, else the oldest newer one', () => {
    expect(chooseTool(tools, 'pg_dump', 15).path).toBe('/usr/bin/pg_dump')
    expect(chooseTool(tools, 'pg_dump', 14).major).toBe(15)
    expect(chooseTool(tools, 'pg_restore', 15, 16).major).toBe(16) // an archive of pg_dump 16 needs pg_restore ≥ 16
  })

  it('says which version to install when only older ones are here, or none', () => {
    expect(() => chooseTool(tools, 'pg_dump', 18)).toThrow(
      expect.objectContaining({ code: 'backup.toolTooOld', en: expect.stringContaining('postgresql-client-18') }),
    )
    expect(() => chooseTool([], 'pg_restore', 16)).toThrow(expect.objectContaining({ code: 'backup.toolMissing' }))
  })
})

describe('the connection given to libpq programs', () => {
  const url = 'postgres://motcua:p%40ss:w0rd@db.internal:5432/motcua?sslmode=require'

  it('keeps the password off the command line', () => {
    const { dbname, env } = libpqConnection(url)
    expect(dbname).toBe('postgres://motcua@db.internal:5432/motcua?sslmode=require')
    expect(env).toEqual({ PGPASSWORD: 'p@ss:w0rd' })
    expect(libpqConnection('postgres://postgres@127.0.0.1/test').env).toEqual({})
  })

  it('hides it in a program’s message', () => {
    expect(redact('failed for p@ss:w0rd and p%40ss:w0rd', url)).toBe('failed for *** and ***')
  })
})
