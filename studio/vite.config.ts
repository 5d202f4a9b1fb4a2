import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

// Built with the server (`npm run build -w @motcua/runtime` runs `vite build ../studio`) into runtime/dist/studio,
// which the runtime serves at `/studio` (runtime/src/routes/web.ts).
export default defineConfig({
  plugins: [react()],
  base: '/studio/',
  // Workspace packages resolve to their TypeScript source, as in the server's build and the tests.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: '../runtime/dist/studio',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
})
