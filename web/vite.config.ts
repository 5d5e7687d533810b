import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the Astreinte server itself (same origin as the API), so the build
// output lives next to its sources and every URL is absolute from `/`.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

// In development the API runs separately; the proxy keeps the browser on one origin, so the
// session cookie (SameSite=Lax, HttpOnly) and the SSE stream work as they do in production.
// ASTREINTE_API_URL lets a developer (or a test) point it at a server on another port.
const api = process.env['ASTREINTE_API_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/auth': { target: api, changeOrigin: false },
      '/status': { target: api, changeOrigin: false },
    },
  },
});
