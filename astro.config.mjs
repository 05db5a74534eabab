// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The public address and the sub-path the site is served under are deployment
// facts, so they come from the environment (see README, "Deploying").
const site = process.env.SITE_URL ?? 'https://critical-edition.example';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  // Articles never go through Astro's Markdown processor: the content loader
  // renders them with our own unified pipeline (src/pipeline).
  devToolbar: { enabled: false },
});
