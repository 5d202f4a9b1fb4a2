export type * from './plan.generated'
export * from './validate-plan'
