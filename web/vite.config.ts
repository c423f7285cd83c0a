// Vite build of the console. Element Plus components and APIs are imported on demand
// (only what the templates use ends up in the bundle); each route is its own chunk.
// `npm run dev` / `npm run preview` proxy /api to a running `shanhai serve`
// (SHANHAI_API, default http://127.0.0.1:8080).
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vitest/config'

const api = process.env.SHANHAI_API ?? 'http://127.0.0.1:8080'
// ws: the interview room's signalling WebSocket goes through the proxy too.
const proxy = { '/api': { target: api, changeOrigin: false, ws: true } }

export default defineConfig({
  plugins: [
    vue(),
    AutoImport({
      resolvers: [ElementPlusResolver({ importStyle: process.env.VITEST ? false : 'css' })],
      dts: 'src/types/auto-imports.d.ts',
    }),
    Components({
      // Unit tests run in Node, which cannot import CSS files: no styles there.
      resolvers: [ElementPlusResolver({ importStyle: process.env.VITEST ? false : 'css' })],
      dts: 'src/types/components.d.ts',
      dirs: [],
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy },
  preview: { proxy },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
    manifest: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'phone/src/**/*.test.ts'],
    testTimeout: 20000,
  },
})
