// Vite build of the job seeker's phone page (H5): its own small entry, Vue 3 and vue-router only
// (no Element Plus, no web fonts), built after the console into web/dist/m and served by the
// binary at /m/ (src/http/static_files.cc falls /m/* back to /m/index.html).
// `npm run build` builds both; the first-load size is measured in the browser, as served, by
// web/e2e/phoneload.e2e.mjs.
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const api = process.env.SHANHAI_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/m/',
  plugins: [vue()],
  // The one fetch wrapper (CSRF header, ApiError) is the console's web/src/api/http.ts.
  resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  build: {
    target: 'es2020',
    outDir: fileURLToPath(new URL('../dist/m', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: false,
  },
})
