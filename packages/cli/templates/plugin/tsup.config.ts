import { bundleFromSource } from '{{root}}/tsup.shared'
import { defineConfig } from 'tsup'

// The runtime imports the built plugin by its package name; the SDK (definePlugin) is bundled in.
export default defineConfig(bundleFromSource(['src/index.ts']))
