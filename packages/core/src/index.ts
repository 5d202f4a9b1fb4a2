export * from './errors'
export * from './status'
export * from './text'
