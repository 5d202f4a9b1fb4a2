export type * from './plan.generated'
export type * from './report'
export * from './validate-plan'
