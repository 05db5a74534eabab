/**
 * Lighthouse (mobile settings, Lighthouse's defaults) on the home page, the first
 * article, its first claim page and the search page of a built site, with Debian's
 * Chromium. Each page is run LH_RUNS times (default 3) and the median run is kept, as
 * Lighthouse's own guidance on variability says (its `computeMedianRun`: the run nearest the
 * median FCP and TTI); the range of performance scores is printed beside it. Prints the
 * four category scores of that run per page; exits 1 if any is below the minimum
 * (default 100, `LH_MIN=90` to relax). Not part of `npm test`: scores move with the
 * machine's load.
 *
 * The site is served here with gzip, as any static host does: scripts/serve.ts sends
 * files uncompressed, which would measure a transfer no reader ever makes.
 *
 *   npm run lighthouse                 # serves dist/ (DIST_DIR) on 127.0.0.1:4601
 *   DIST_DIR=dist-x LH_PORT=4620 LH_RUNS=5 npm run lighthouse
 */
import { createServer } from 'node:http';
import { readdirSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';

const dist = process.env.DIST_DIR ?? 'dist';
const port = Number(process.env.LH_PORT ?? 4601);
const min = Number(process.env.LH_MIN ?? 100);
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const articles = existsSync(join(dist, 'articles')) ? readdirSync(join(dist, 'articles')).sort() : [];
const slug = articles[0];
const claims = slug && existsSync(join(dist, 'articles', slug, 'claims')) ? readdirSync(join(dist, 'articles', slug, 'claims')).sort() : [];
const pages: [string, string][] = [
  ['home', '/'],
  ...(slug ? [['article', `/articles/${slug}/`] as [string, string]] : []),
  ...(claims[0] ? [['claim', `/articles/${slug}/claims/${claims[0]}/`] as [string, string]] : []),
  ['search', '/search/'],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv', '.jsonld': 'application/ld+json',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file = join(dist, normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  const found = existsSync(file);
  if (!found) file = join(dist, '404.html');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let body = readFileSync(file);
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache' };
  if (/gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|svg|xml|wasm/.test(type)) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(found ? 200 : 404, headers).end(body);
}).listen(port, '127.0.0.1');
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
});

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
let failed = false;
try {
  console.log(`median of ${runs} run(s) a page`);
  console.log(`${'page'.padEnd(8)} ${categories.map((c) => c.padStart(14)).join('')}  ${'perf range'.padStart(10)}  url`);
  for (const [name, path] of pages) {
    const lhrs = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      lhrs.push(result.lhr);
    }
    const lhr = computeMedianRun(lhrs);
    const perf = lhrs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100));
    const scores = categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const range = `${Math.min(...perf)}–${Math.max(...perf)}`;
    console.log(`${name.padEnd(8)} ${scores.map((s) => String(s).padStart(14)).join('')}  ${range.padStart(10)}  ${path}`);
    if (scores.some((s) => s < min)) {
      failed = true;
      for (const c of categories) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`         ${c}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
