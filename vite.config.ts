import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { lecternPwa } from './vite.pwa.ts';

// Three pages: the authoring app (index.html), the presenting page (present.html: reveal.js is
// loaded only there) and the printable lesson-plan handout (handout.html).
export default defineConfig({
  // Relative asset URLs so the built app also works from a sub-path.
  base: './',
  server: { host: '127.0.0.1', port: 5173 },
  // Service worker, web app manifest, chunk report for the size budget (issue 7, vite.pwa.ts).
  plugins: [lecternPwa()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        present: resolve(import.meta.dirname, 'present.html'),
        handout: resolve(import.meta.dirname, 'handout.html'),
      },
    },
  },
});
