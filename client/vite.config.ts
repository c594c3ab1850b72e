import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { Paths } from '../shared/protocol.js';
import { serviceWorker } from './vite-sw-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards sync, progress and API calls to the real server (default port 8787).
const backend = process.env.STOCKROOM_BACKEND ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  plugins: [react(), serviceWorker(fileURLToPath(new URL('./src/sw/service-worker.js', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle on purpose: the service worker precaches it all anyway, and an offline
    // reload must never miss a lazily loaded chunk. ~180 kB gzipped.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // shared/ lives outside client/: let the dev server read it.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      [Paths.sync]: { target: backend, ws: true },
      [Paths.progress]: { target: backend, ws: true },
      [Paths.api]: { target: backend },
    },
  },
});
