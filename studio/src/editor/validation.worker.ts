import type { PluginCatalogue } from '@motcua/core'
import type { DraftDefinition } from './section'
import { localProblems } from './validation'

// Validating a long procedure takes longer than a keystroke: it runs here, off the page's thread.
export interface ValidationRequest {
  id: number
  definition: DraftDefinition
  plugins: PluginCatalogue | undefined
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { id, definition, plugins } = event.data
  const started = performance.now()
  const issues = localProblems(definition, plugins)
  self.postMessage({ id, issues, ms: performance.now() - started })
}
