import { buildRuntime } from './support/runtime-process'

/** Builds the server and the portal once, before any test starts it as a real process (`npm start` builds the same way). */
export default function setup(): void {
  buildRuntime()
}
