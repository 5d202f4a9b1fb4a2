import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

// Built by `npm run build -w @motcua/runtime` (`vite build desk`: this folder is the root) into runtime/dist/desk,
// which the runtime serves at `/desk` (runtime/src/routes/web.ts).
export default defineConfig({
  plugins: [react()],
  base: '/desk/',
  // Workspace packages resolve to their TypeScript source, as in the server's build and the tests.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: '../dist/desk',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
})
