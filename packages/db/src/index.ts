export * from './schema'
export * from './open-database'
export * from './pg-error'
