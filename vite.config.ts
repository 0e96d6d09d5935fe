import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs: the build works from any static host and any sub-path.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
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
