// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import cspStyleHashes from './src/integrations/csp-style-hashes.ts';
import editorTools from './src/integrations/editor-tools.ts';
import keepOutput from './src/integrations/keep-output.ts';

// The public address and the sub-path the site is served under are deployment
// facts, so they come from the environment (see README, "Deploying").
const site = process.env.SITE_URL ?? 'https://critical-edition.example';
const base = process.env.BASE_PATH ?? '/';
// Another output folder lets several builds (a base-path build, a teammate's) sit side by side.
const outDir = process.env.DIST_DIR ?? 'dist';
const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';
const articles = `${process.env.CONTENT_DIR ?? 'content'}/articles`;
// The content store is written as one JSON string up to CHUNKED_FROM articles, in files of about
// 10 MB above: V8 cannot make a string longer than about 536 MB, about 40,000 articles at the
// store's 13 KB an article (the articles' HTML lives outside it, src/content/article-html.ts),
// but Astro 7.3's chunked writer measures the store character by character, and it rewrites the
// store on every build: 17 s of CPU at 300 articles where the one string takes 1 s.
const CHUNKED_FROM = 30000;
const articleCount = existsSync(articles) ? readdirSync(articles).length : 0;

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // 'always': the first screen paints from the first response, with no stylesheet round trip.
  // src/integrations/csp-style-hashes.ts then allows each inline <style> by hash in dist/_headers.
  // concurrency 1 (Astro's default) is required by the incremental build: above 1 it is off.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 1 },
  // editorTools works in `astro dev` only (docs/editing.md); the build gets none of it.
  // keepOutput keeps dist/ between builds, so pages the incremental build may skip stay in place
  // (src/integrations/keep-output.ts); it goes last, to see every file the others write.
  integrations: [sitemap(), cspStyleHashes(), editorTools({ articles }), keepOutput()],
  // Articles never go through Astro's Markdown processor: the content loader
  // renders them with our own unified pipeline (src/pipeline).
  devToolbar: { enabled: false },
  // Astro inlines a small script with no imports into each page that uses it; the
  // Content-Security-Policy allows no inline script (docs/deployment.md), so scripts stay files.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // A page whose cacheKey (src/lib/site.ts) and code are unchanged since the last build is
  // copied from cacheDir instead of rendered (docs/deployment.md, "Incremental builds").
  // collectionStorage: see CHUNKED_FROM above.
  experimental: { incrementalBuild: true, collectionStorage: articleCount >= CHUNKED_FROM ? 'chunked' : 'single-file' },
});
