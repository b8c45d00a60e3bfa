import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The four web apps; each is a folder with an `index.html` and is served at `/<name>/`. */
const pages = ['admin', 'resident', 'register', 'verify'] as const

const webRoot = fileURLToPath(new URL('.', import.meta.url))

/**
 * Multi-page build of `web/` into `web/dist/`. The server serves `web/dist` at `/`, so the
 * base is `/` and the admin console lands at `/admin/`. In development, `/api` is proxied
 * to a running Mosaic server (MOSAIC_API_URL, default http://127.0.0.1:8080).
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: Object.fromEntries(
        pages.map((page) => [
          page,
          fileURLToPath(new URL(`./${page}/index.html`, import.meta.url)),
        ]),
      ),
    },
  },
  server: {
    proxy: {
      '/api': {
        target: process.env.MOSAIC_API_URL ?? 'http://127.0.0.1:8080',
        changeOrigin: false,
      },
    },
  },
})
