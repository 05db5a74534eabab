/**
 * The link-health check (scripts/link-health.ts, scripts/check-sources.ts) against a local HTTP
 * server on 127.0.0.1 — live pages, redirects, 404, 410, slow and reset responses, and a fake
 * Internet Archive availability endpoint. Nothing here reaches the internet.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, checkLink, findArchivedCopy, mapWithLimit, type HealthOptions } from '../../scripts/link-health.ts';
import { parseStatusFile } from '../../src/lib/source-status.ts';

const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
let server: Server;
let origin: string;

function handle(path: string, respond: (count: number) => { status: number; headers?: Record<string, string>; body?: string; delay?: number; reset?: boolean }) {
  return { path, respond };
}

const routes = [
  handle('/live', () => ({ status: 200, body: '<title>Live</title>' })),
  handle('/moved', () => ({ status: 301, headers: { location: '/new-home' } })),
  handle('/new-home', () => ({ status: 200 })),
  handle('/slash', () => ({ status: 308, headers: { location: '/slash/' } })),
  handle('/slash/', () => ({ status: 200 })),
  handle('/moved-then-gone', () => ({ status: 302, headers: { location: '/missing' } })),
  handle('/missing', () => ({ status: 404 })),
  handle('/gone', () => ({ status: 410 })),
  handle('/forbidden', () => ({ status: 403 })),
  handle('/loop', () => ({ status: 302, headers: { location: '/loop' } })),
  handle('/slow', () => ({ status: 200, delay: 2_000 })),
  handle('/reset', () => ({ status: 200, reset: true })),
  handle('/flaky', (count) => (count <= 2 ? { status: 503 } : { status: 200 })),
  handle('/always-503', () => ({ status: 503 })),
  handle('/busy', () => ({ status: 200, delay: 60 })),
  // The Internet Archive's availability API, as documented: the closest capture, or nothing.
  handle('/wayback/available', () => ({ status: 200 })),
];

const ARCHIVED_PAGES = new Set(['/gone', '/missing']);

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    if (url.pathname === '/wayback/available') {
      const target = new URL(url.searchParams.get('url') ?? '', 'http://x');
      const closest = ARCHIVED_PAGES.has(target.pathname)
        ? { available: true, status: '200', timestamp: '20200102030405', url: `http://web.archive.org/web/20200102030405/${url.searchParams.get('url')}` }
        : undefined;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: target.href, archived_snapshots: closest ? { closest } : {} }));
      return;
    }
    const route = routes.find((r) => r.path === url.pathname.replace(/^\/b\d+/, '/busy'));
    if (!route) return void res.writeHead(404).end();
    const answer = route.respond(count);
    if (answer.reset) return void req.socket.destroy();
    const busy = route.path === '/busy';
    if (busy) maxInFlight = Math.max(maxInFlight, ++inFlight);
    setTimeout(() => {
      if (busy) inFlight--;
      if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
    }, answer.delay ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.SOURCES_TEST_PORT ?? 0), '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const options = (overrides: Partial<HealthOptions> = {}): HealthOptions => ({
  ...DEFAULT_OPTIONS,
  timeoutMs: 500,
  retries: 0,
  retryDelayMs: 10,
  today: '2026-12-01',
  availabilityEndpoint: `${origin}/wayback/available`,
  ...overrides,
});

test('a page that answers 200 is live, dated the day of the check', async () => {
  assert.deepEqual(await checkLink(`${origin}/live`, options()), { url: `${origin}/live`, state: 'live', code: 200, checked: '2026-12-01' });
});

test('redirects are followed: to another page is "redirected to", to the same page with a slash is live', async () => {
  assert.deepEqual(await checkLink(`${origin}/moved`, options()), {
    url: `${origin}/moved`, state: 'redirected', code: 200, redirectedTo: `${origin}/new-home`, checked: '2026-12-01',
  });
  assert.equal((await checkLink(`${origin}/slash`, options())).state, 'live');
});

test('404 and 410 are dead, also at the end of a redirect; 403 is unreachable, not dead', async () => {
  assert.deepEqual(await checkLink(`${origin}/gone`, options()), { url: `${origin}/gone`, state: 'dead', code: 410, checked: '2026-12-01' });
  assert.deepEqual(await checkLink(`${origin}/moved-then-gone`, options()), { url: `${origin}/moved-then-gone`, state: 'dead', code: 404, checked: '2026-12-01' });
  assert.deepEqual(await checkLink(`${origin}/forbidden`, options()), {
    url: `${origin}/forbidden`, state: 'unreachable', code: 403, error: 'HTTP 403', checked: '2026-12-01',
  });
});

test('a redirect loop stops after the limit', async () => {
  const result = await checkLink(`${origin}/loop`, options({ maxRedirects: 5 }));
  assert.equal(result.state, 'unreachable');
  assert.equal(result.error, 'more than 5 redirects');
});

test('a slow answer times out and a reset connection is unreachable, each with the reason', async () => {
  const started = Date.now();
  const slow = await checkLink(`${origin}/slow`, options({ timeoutMs: 200 }));
  assert.equal(slow.state, 'unreachable');
  assert.equal(slow.error, 'timed out after 0.2 s');
  assert.ok(Date.now() - started < 1_500, 'the timeout cut the wait short');
  const reset = await checkLink(`${origin}/reset`, options());
  assert.equal(reset.state, 'unreachable');
  assert.match(reset.error ?? '', /ECONNRESET|UND_ERR_SOCKET|socket|closed/i);
});

test('an unreachable address is retried, and one that comes back counts as live', async () => {
  hits.delete('/flaky');
  assert.equal((await checkLink(`${origin}/flaky`, options({ retries: 2 }))).state, 'live');
  assert.equal(hits.get('/flaky'), 3);
  hits.delete('/always-503');
  const down = await checkLink(`${origin}/always-503`, options({ retries: 2 }));
  assert.equal(down.state, 'unreachable');
  assert.equal(hits.get('/always-503'), 3, 'one try and two retries');
  hits.delete('/gone');
  await checkLink(`${origin}/gone`, options({ retries: 2 }));
  assert.equal(hits.get('/gone'), 1, 'a dead link is not retried');
});

test('no more requests are in flight than the concurrency allows', async () => {
  maxInFlight = 0;
  const urls = Array.from({ length: 12 }, (_, i) => `${origin}/b${i}`);
  const results = await mapWithLimit(urls, 3, (url) => checkLink(url, options()));
  assert.equal(results.length, 12);
  assert.ok(results.every((r, i) => r.state === 'live' && r.url === urls[i]), 'results in order');
  assert.equal(maxInFlight, 3);
});

test('the availability API gives an archived copy for a dead link, as an https address and a date', async () => {
  assert.deepEqual(await findArchivedCopy(`${origin}/gone`, options()), {
    url: `https://web.archive.org/web/20200102030405/${origin}/gone`,
    date: '2020-01-02',
  });
  assert.equal(await findArchivedCopy(`${origin}/live`, options()), undefined, 'no capture');
  assert.equal(await findArchivedCopy(`${origin}/gone`, options({ availabilityEndpoint: '' })), undefined, 'lookup off');
  assert.equal(await findArchivedCopy(`${origin}/gone`, options({ availabilityEndpoint: 'http://127.0.0.1:9/none' })), undefined, 'API unreachable');
});

/** Runs a script without blocking this process, which serves the pages it requests. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('npm run check:sources writes a status file the build can read', async () => {
  const content = mkdtempSync(join(tmpdir(), 'check-sources-'));
  try {
    const folder = join(content, 'articles', 'links');
    mkdirSync(folder, { recursive: true });
    cpSync('tests/fixtures/content/articles/no-claims/article.md', join(folder, 'article.md'));
    const source = (id: string, path: string, extra = '') => `  ${id}:\n    title: ${id}\n    publisher: P\n    url: ${origin}${path}\n${extra}`;
    writeFileSync(
      join(folder, 'annotations.yaml'),
      `sources:\n${source('live', '/live?utm_source=x')}${source('moved', '/moved')}${source('gone', '/gone')}${source('missing', '/missing', `    archive:\n      url: ${origin}/live\n      date: 2020-01-01\n`)}${source('down', '/always-503')}` +
        'article:\n  context: "[^live] [^moved] [^gone] [^missing] [^down]"\n',
    );
    const result = await run(['scripts/check-sources.ts', '--content', content, '--timeout', '1', '--retries', '1', '--retry-delay', '0.01',
      '--availability-endpoint', `${origin}/wayback/available`, '--today', '2026-12-01', '--fail-on-dead']);
    assert.equal(result.status, 1, `--fail-on-dead:\n${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /1 live, 1 redirected, 2 dead, 1 unreachable; 1 archived copy found for dead links/);
    assert.match(result.stdout, /links\/gone: dead \(HTTP 410\)/);
    const file = parseStatusFile(readFileSync(join(content, 'source-status.json'), 'utf8'), 'source-status.json');
    assert.equal(file.checked, '2026-12-01');
    assert.deepEqual(Object.keys(file.sources), ['links/down', 'links/gone', 'links/live', 'links/missing', 'links/moved']);
    assert.equal(file.sources['links/live'].link?.url, `${origin}/live`, 'the clean address is checked');
    assert.equal(file.sources['links/moved'].link?.redirectedTo, `${origin}/new-home`);
    assert.deepEqual(file.sources['links/gone'].archiveFound, { url: `https://web.archive.org/web/20200102030405/${origin}/gone`, date: '2020-01-02' });
    assert.equal(file.sources['links/missing'].archiveFound, undefined, 'an archived copy already given is not looked up');
    assert.equal(file.sources['links/missing'].archive?.state, 'live', 'the archived copy given is checked too');
    assert.equal(file.sources['links/down'].link?.state, 'unreachable');
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
});
