export { TEST_PASSWORD } from '@motcua/runtime/testing'
export { createTestClock, type Duration, type TestClock } from './clock'
export {
  type OutboxRow,
  type OutboxRun,
  type StartOptions,
  startTestRuntime,
  TestKitError,
  type TestRuntime,
} from './test-runtime'
