import { defineConfig } from 'tsup'
import { bundleFromSource } from '../tsup.shared'

// The server is one bundle with our packages compiled in, so `npm start` needs no other package built first; each
// plugin's worker thread starts dist/plugin-worker.js, beside dist/main.js.
export default defineConfig(
  bundleFromSource({
    main: 'src/main.ts',
    serve: 'src/serve.ts',
    'plugin-worker': 'src/plugins/plugin-worker.ts',
    reorganise: 'src/reorganisations/command.ts',
    backup: 'src/backup/command.ts',
  }),
)
