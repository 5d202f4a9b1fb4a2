import { defineConfig } from 'tsup'
import { bundleFromSource } from '../../tsup.shared'

export default defineConfig(bundleFromSource(['src/main.ts']))
