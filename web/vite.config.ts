import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ mode }) => {
  // The dev server forwards API calls so the session cookie stays same-origin, as in production.
  const env = loadEnv(mode, '.', 'VANTHU_');
  const apiTarget = env.VANTHU_API_URL ?? 'http://localhost:3200';
  return {
    plugins: [react()],
    resolve: { tsconfigPaths: true },
    server: { proxy: { '/api': apiTarget, '/healthz': apiTarget } },
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  };
});
