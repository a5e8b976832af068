// web/vite.config.ts: build and dev-server settings for the front end. The built files go to
// web/dist, which `cpi serve --web-root web/dist` serves on the API's port. In development,
// `npm run dev` proxies /api to CP_API_TARGET (default http://127.0.0.1:8080).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const apiTarget = process.env['CP_API_TARGET'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
