import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { captureLog, log, setLogLevel } from './log'

describe('the log', () => {
  let captured: ReturnType<typeof captureLog> | undefined
  afterEach(() => {
    captured?.stop()
    setLogLevel('info')
  })

  it('writes one object per line: ISO time, the level as a label, the process id, the message and the fields', () => {
    captured = captureLog()
    log('motcua is running', { url: 'http://127.0.0.1:3000' })
    log('outbox delivery failed', { outboxId: 7 }, 'warn')
    expect(captured.lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'info',
        pid: process.pid,
        msg: 'motcua is running',
        url: 'http://127.0.0.1:3000',
      },
      { time: expect.any(String), level: 'warn', pid: process.pid, msg: 'outbox delivery failed', outboxId: 7 },
    ])
  })

  it('redacts obvious personal keys as a last defence', () => {
    captured = captureLog()
    log('mistake', { pin: '12345678', applicant: { fullName: 'Lê Văn Tám' }, password: 'mat-khau', outboxId: 7 })
    expect(JSON.stringify(captured.lines)).not.toMatch(/12345678|Lê Văn Tám|mat-khau/)
    expect(captured.lines[0]).toMatchObject({ pin: '[redacted]', password: '[redacted]', outboxId: 7 })
  })

  it('writes only lines at or above LOG_LEVEL', () => {
    captured = captureLog()
    setLogLevel('warn')
    log('request', {})
    log('plugin call', {}, 'debug')
    log('plugin call failed', {}, 'warn')
    log('unhandled error', {}, 'error')
    expect(captured.lines.map((l) => l.level)).toEqual(['warn', 'error'])
  })

  it('writes everything logged before an immediate exit, errors on stderr', () => {
    const script = `
      const { log } = await import(${JSON.stringify(new URL('./log.ts', import.meta.url).pathname)})
      for (let i = 0; i < 2000; i++) log('line', { i })
      log('failed', { i: 2000 }, 'error')
      process.exit(0)`
    const { stdout, stderr } = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    )
    const parse = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { i: number; level: string })
    expect(parse(stdout).map((l) => l.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i))
    expect(parse(stderr)).toEqual([expect.objectContaining({ level: 'error', msg: 'failed', i: 2000 })])
  })
})
