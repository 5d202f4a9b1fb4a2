import { defineConfig } from 'tsup'
import { bundleFromSource } from '../tsup.shared'

// The server is one bundle with our packages compiled in, so `npm start` needs no other package built first.
export default defineConfig(bundleFromSource(['src/main.ts']))
