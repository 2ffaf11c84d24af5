import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs so the built app also works from a sub-path.
  base: './',
  server: { host: '127.0.0.1', port: 5173 },
  build: { target: 'es2022', sourcemap: true },
});
