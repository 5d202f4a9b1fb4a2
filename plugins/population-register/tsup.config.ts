import { defineConfig } from 'tsup'
import { bundleFromSource } from '../../tsup.shared'

// The runtime imports the built plugin by its package name; the SDK (definePlugin) is bundled in.
export default defineConfig(bundleFromSource(['src/index.ts', 'src/dev-server.ts']))
