import { describe, expect, it } from 'vitest'
import { restartDelayMs, serveOptions } from './options'

describe('serveOptions', () => {
  it('reads --workers N, --workers=N or WORKERS, the argument first; one process on 3000 by default', () => {
    expect(serveOptions([], {})).toEqual({
      workers: 1,
      port: 3000,
      host: '127.0.0.1',
      rollingPauseMs: 4000,
      killAfterMs: 60_000,
    })
    const pg = { DATABASE_URL: 'postgres://127.0.0.1/motcua' }
    expect(serveOptions(['--workers', '3'], { ...pg, WORKERS: '2' }).workers).toBe(3)
    expect(serveOptions(['--workers=4'], pg).workers).toBe(4)
    expect(serveOptions([], { PORT: '0' }).port).toBe(0)
    expect(serveOptions([], { ...pg, WORKERS: '2', PORT: '8080', HOST: '0.0.0.0', ROLLING_PAUSE_MS: '0' })).toEqual({
      workers: 2,
      port: 8080,
      host: '0.0.0.0',
      rollingPauseMs: 0,
      killAfterMs: 60_000,
    })
    expect(serveOptions([], { DRAIN_TIMEOUT_MS: '5000' }).killAfterMs).toBe(35_000)
  })

  it.each([
    [['--workers'], {}, /--workers needs a number/],
    [['--workers', '0'], {}, /--workers must be a whole number from 1 to 64, not "0"/],
    [['--workers', '2.5'], {}, /--workers must be/],
    [['--workers', 'two'], {}, /--workers must be/],
    [['--workers', '65'], {}, /--workers must be/],
    [[], { WORKERS: '-1' }, /WORKERS must be/],
    [[], { WORKERS: '1e1' }, /WORKERS must be/],
    [['--threads', '2'], {}, /unknown argument "--threads"/],
    [['--workers', '2'], { PORT: '0' }, /PORT must be a whole number from 1 to 65534/],
    [['--workers', '2'], { PORT: '65535' }, /PORT must be/],
    [['--workers', '2'], { DATABASE_URL: '' }, /2 processes need PostgreSQL \(DATABASE_URL\)/],
  ] as const)('refuses %j %j', (args, env, message) => {
    expect(() => serveOptions([...args], { DATABASE_URL: 'postgres://127.0.0.1/motcua', ...env })).toThrow(message)
  })

  it('waits longer after each failure in a row, up to 30 s', () => {
    expect([1, 2, 3, 6, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 30_000, 30_000])
  })
})
