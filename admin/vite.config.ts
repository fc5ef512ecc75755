import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { apiSchemaPlugin } from './api-schema.ts';

// Built into dist/ and served by the gateway: the console at /admin, the playground at /playground.
// Both pages load their assets from /admin/assets, so the browser only ever talks to the gateway.
const gateway = process.env.GATEWAY_URL ?? `http://localhost:${process.env.GATEWAY_PORT ?? 4000}`;

export default defineConfig({
  base: '/admin/',
  // The schema comes from the gateway's supergraph file, not from introspection (which the gateway leaves off).
  plugins: [react(), apiSchemaPlugin(resolve(import.meta.dirname, '../gateway/supergraph.graphql'))],
  build: {
    sourcemap: true,
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        playground: resolve(import.meta.dirname, 'playground.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL's React-compiler output starts modules with "use no memo", which bundling drops harmlessly.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    proxy: { '/graphql': gateway },
  },
  // Dev server only: the playground's GraphQL web worker imports these CommonJS packages, which a module worker can only
  // load once pre-bundled as ESM (the production build converts them anyway).
  optimizeDeps: { include: ['nullthrows', 'picomatch-browser'] },
});
