import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web UI lives in src/web and is built into dist/web, which the API server serves
 * with an SPA fallback. The server's CSP forbids inline scripts and third-party origins,
 * so everything (fonts included) must come from this bundle.
 */
const apiTarget = process.env.OUTSIGHT_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|dayjs)/ },
            { name: 'icons', test: /node_modules[\\/]@tabler[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  // `npm run dev:web` talks to an API server on :3000 (OUTSIGHT_API_URL overrides it).
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
