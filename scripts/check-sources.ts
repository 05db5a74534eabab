/**
 * `npm run check:sources`: requests every source address and archived copy of every article,
 * and writes what it found to `<content>/source-status.json`, which the build reads to say
 * "link dead, archived copy". Needs the network; never part of `npm run build` or `npm test`.
 * See docs/sources.md (options, the status file, running it on a schedule).
 *
 *   npm run check:sources -- [--content content] [--out FILE] [--concurrency 4] [--timeout 15]
 *     [--retries 2] [--retry-delay 2] [--no-archive-lookup] [--availability-endpoint URL]
 *     [--today YYYY-MM-DD] [--fail-on-dead]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFolders } from '../src/content/article-folders.ts';
import { renderArticle } from '../src/pipeline/render-article.ts';
import { ContentError } from '../src/pipeline/messages.ts';
import type { RenderedSource } from '../src/pipeline/types.ts';
import { statusFilePath, statusKey, type LinkCheck, type SourceStatus, type StatusFile } from '../src/lib/source-status.ts';
import { DEFAULT_OPTIONS, checkLink, findArchivedCopy, mapWithLimit, type HealthOptions } from './link-health.ts';

const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
    out: { type: 'string' },
    concurrency: { type: 'string', default: String(DEFAULT_OPTIONS.concurrency) },
    timeout: { type: 'string', default: String(DEFAULT_OPTIONS.timeoutMs / 1000) },
    retries: { type: 'string', default: String(DEFAULT_OPTIONS.retries) },
    'retry-delay': { type: 'string', default: String(DEFAULT_OPTIONS.retryDelayMs / 1000) },
    'no-archive-lookup': { type: 'boolean', default: false },
    'availability-endpoint': { type: 'string', default: DEFAULT_OPTIONS.availabilityEndpoint },
    today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    'fail-on-dead': { type: 'boolean', default: false },
  },
});

function number(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min}, not "${value}"`);
  return n;
}

const options: HealthOptions = {
  ...DEFAULT_OPTIONS,
  concurrency: number('concurrency', args.concurrency!, 1),
  timeoutMs: number('timeout', args.timeout!, 0.001) * 1000,
  retries: number('retries', args.retries!, 0),
  retryDelayMs: number('retry-delay', args['retry-delay']!, 0) * 1000,
  availabilityEndpoint: args['no-archive-lookup'] ? '' : args['availability-endpoint']!,
  today: args.today!,
};
if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`--today must be YYYY-MM-DD, not "${options.today}"`);

const contentDir = args.content!;
const outFile = args.out ?? statusFilePath(contentDir);

/** Every rendered source of every article, by `<slug>/<id>`; a content error stops here, as `npm run check` would. */
function collectSources(): Map<string, RenderedSource> {
  const sources = new Map<string, RenderedSource>();
  for (const folder of readArticleFolders(join(contentDir, 'articles'))) {
    try {
      if (!folder.input) throw new ContentError(folder.problems);
      const article = renderArticle(folder.input);
      for (const source of article.sources) sources.set(statusKey(folder.slug, source.id), source);
    } catch (error) {
      if (error instanceof ContentError) {
        console.error(`${error.message}\n\nFix these first (npm run check); no link was checked.`);
        process.exit(1);
      }
      throw error;
    }
  }
  return sources;
}

const sources = collectSources();
// Each address is requested once, however many sources share it.
const addresses = [...new Set([...sources.values()].flatMap((s) => [s.url, s.archive?.url]).filter((u): u is string => u !== undefined))];
console.log(`Checking ${addresses.length} addresses of ${sources.size} sources, ${options.concurrency} at a time…`);
const checks = new Map<string, LinkCheck>();
await mapWithLimit(addresses, options.concurrency, async (url) => checks.set(url, await checkLink(url, options)));

const statuses: Record<string, SourceStatus> = {};
const lines: string[] = [];
const counts = { live: 0, redirected: 0, dead: 0, unreachable: 0 };
let archivesFound = 0;
for (const key of [...sources.keys()].sort()) {
  const source = sources.get(key)!;
  const status: SourceStatus = {};
  if (source.url) {
    status.link = checks.get(source.url)!;
    counts[status.link.state]++;
  }
  if (source.archive) status.archive = checks.get(source.archive.url)!;
  if (status.link?.state === 'dead' && !source.archive) {
    const found = await findArchivedCopy(source.url!, options);
    if (found) {
      status.archiveFound = found;
      archivesFound++;
    }
  }
  if (Object.keys(status).length === 0) continue;
  statuses[key] = status;
  const link = status.link;
  if (link && link.state !== 'live') {
    const detail = link.state === 'redirected' ? `now at ${link.redirectedTo}` : link.error ?? `HTTP ${link.code}`;
    lines.push(`${key}: ${link.state} (${detail}) ${link.url}`);
    if (status.archiveFound) lines.push(`  archived copy found (${status.archiveFound.date}): ${status.archiveFound.url}\n  open it, and if it is the page you cited, add it under the source as archive: { url, date }`);
  }
  if (status.archive && status.archive.state !== 'live') lines.push(`${key}: archived copy ${status.archive.state} (${status.archive.error ?? `HTTP ${status.archive.code}`}) ${status.archive.url}`);
}

const file: StatusFile = { version: 1, checked: options.today, sources: statuses };
writeFileSync(outFile, `${JSON.stringify(file, null, 2)}\n`);
for (const line of lines) console.log(line);
console.log(
  `\n${counts.live} live, ${counts.redirected} redirected, ${counts.dead} dead, ${counts.unreachable} unreachable` +
    `${options.availabilityEndpoint ? `; ${archivesFound} archived ${archivesFound === 1 ? 'copy' : 'copies'} found for dead links` : ''}. Written to ${outFile}`,
);
if (args['fail-on-dead'] && counts.dead > 0) process.exitCode = 1;
