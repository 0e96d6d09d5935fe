import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs: the build works from any static host and any sub-path.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Never open a browser: `vite --open=false` opened "/false" through xdg-open, and on a machine without a
  // desktop that spawn failed with a stack trace (tests/start.test.ts).
  server: { port: 5173, open: false },
  preview: { port: 4173, open: false },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    // Three entries: the app, the embed page, and the <pollscope-view> script (a stable name beside them).
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html', 'pollscope-view': 'src/ui/embed/element.ts' },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'pollscope-view' ? 'pollscope-view.js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
