import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ mode }) => {
  // The dev server forwards API calls so the session cookie stays same-origin, as in production.
  const env = loadEnv(mode, '.', 'VANTHU_');
  const apiTarget = env.VANTHU_API_URL ?? 'http://localhost:3200';
  return {
    plugins: [react()],
    resolve: { tsconfigPaths: true },
    // changeOrigin stays off: the server refuses changes whose Origin differs from the Host header.
    server: { proxy: { '/api': { target: apiTarget, changeOrigin: false }, '/healthz': { target: apiTarget, changeOrigin: false } } },
    // antd's shared core lands in one ~540 kB chunk (≈175 kB gzipped); that is expected, not a leak.
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  };
});
