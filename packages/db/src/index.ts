export * from './built-once'
export * from './open-database'
export * from './pg-error'
export * from './schema'
