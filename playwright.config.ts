import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (see README, "Tests").
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4321);
const dist = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  // 'site': the built site in dist/; 'dev': the editors' tools, against an `astro dev` server that
  // tests/e2e-dev starts itself (on E2E_DEV_PORT, default E2E_PORT + 10) over a temporary copy of
  // a fixture article.
  projects: [
    { name: 'site', testDir: 'tests/e2e' },
    { name: 'dev', testDir: 'tests/e2e-dev', timeout: 120_000 },
  ],
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
