// Tests run the runtime from its TypeScript source: the worker registers tsx in its own thread, then loads the
// entry (workers do not take `--import` here). The built server starts dist/plugin-worker.js directly.
import { register } from 'tsx/esm/api'

register()
await import('./plugin-worker.ts')
