import type { Database } from '@motcua/db'
import { Hono } from 'hono'
import { onError, onNotFound } from './http/errors'
import { health } from './routes/health'
import { unitsRoutes } from './routes/units'

export interface AppEnv {
  Variables: { database: Database }
}

/** Composes the HTTP API over an open, migrated database. */
export function createApp(database: Database) {
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('database', database)
    await next()
  })
  app.route('/', health)
  app.route('/', unitsRoutes)
  app.onError(onError)
  app.notFound(onNotFound)
  return app
}
