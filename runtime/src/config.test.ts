import { describe, expect, it } from 'vitest'
import { configFromEnv } from './config'

describe('configuration from the environment', () => {
  it('defaults to PGlite in ./data with demo accounts, on 127.0.0.1:3000', () => {
    expect(configFromEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { driver: 'pglite', dataDir: './data' },
      demoPassword: 'motcua-demo',
      trustProxy: false,
    })
  })

  it('seeds no demo account on PostgreSQL unless asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/motcua'
    expect(configFromEnv({ DATABASE_URL: url }).demoPassword).toBeUndefined()
    expect(configFromEnv({ DATABASE_URL: url, SEED_DEMO: '1', DEMO_PASSWORD: 'khac' }).demoPassword).toBe('khac')
  })

  it('reads every setting once, as documented', () => {
    const config = configFromEnv({
      PORT: '0',
      TRUST_PROXY: '1',
      SUBMIT_RATE_LIMIT: '0',
      TRACK_RATE_LIMIT: '120',
      OUTBOX_INTERVAL_MS: '500',
      SECRET_KEY: 'bi-mat',
      PLUGINS_DIR: '/srv/plugins',
      PLUGINS_WATCH: '1',
      LOG_LEVEL: 'warn',
      METRICS_TOKEN: 'a3f1c9e07b5d4e2f9a1c',
    })
    expect(config).toMatchObject({
      port: 0,
      trustProxy: true,
      submitLimitPerMinute: 0,
      trackLimitPerMinute: 120,
      outboxIntervalMs: 500,
      secretKey: 'bi-mat',
      pluginsDir: '/srv/plugins',
      pluginsWatch: true,
      logLevel: 'warn',
      metricsToken: 'a3f1c9e07b5d4e2f9a1c',
    })
  })

  it.each([
    ['PORT', 'ba nghìn'],
    ['TRACK_RATE_LIMIT', '0'],
    ['SUBMIT_RATE_LIMIT', '-1'],
    ['OUTBOX_INTERVAL_MS', '1.5'],
    ['LOG_LEVEL', 'verbose'],
    ['METRICS_TOKEN', 'ngan'],
    ['METRICS_TOKEN', 'a3f1c9e07b5d 4e2f9a1c'],
  ])('stops the start when %s is %s, naming it', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(name)
  })
})
