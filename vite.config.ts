/**
 * Builds the renderer (one entry, hash routes) into dist/renderer. `base: './'` makes the built index.html work both
 * from file:// in Electron and over http (vite preview) in the Playwright tests.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/;

/**
 * The dev server injects inline scripts (React refresh) and a websocket that the strict CSP forbids; drop the tag
 * there only. Builds and `vite preview` keep it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'vigie-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CSP_META, ''),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium (Electron 39, Debian's chromium, Edge) supports modulepreload: no polyfill code needed.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
