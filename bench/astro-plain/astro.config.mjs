// @ts-check
// Bench only: the same corpus through Astro's default Markdown processor (Sätteri) and a
// stock glob() loader, in the site's own layout — the baseline for "our pipeline" in
// docs/performance.md. Built by bench/run.ts with `astro build --root bench/astro-plain`.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://critical-edition.example',
  outDir: process.env.DIST_DIR ?? '../work/dist-plain',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? '../work/cache-plain',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
