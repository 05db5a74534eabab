/**
 * `npm run bench`: build cost and page weight, written to bench/results.json and the table in
 * docs/performance.md. Everything it builds goes under bench/work/ (git-ignored).
 *
 * For each N (default 10, 100, 1000) it generates the synthetic corpus (bench/generate.ts) and
 * builds it three ways, each from a cold cache and then warm:
 *   ours     the real site (our pipeline: anchoring, notes, claim pages) over the corpus
 *   unified  the real site over the same article.md files with empty annotations: the same
 *            unified processing and templates with nothing for the annotation plugins to do
 *   satteri  bench/astro-plain: the same article.md files through a stock glob() loader and
 *            Astro's default Markdown processor (Sätteri), in the site's layout
 * then at the largest N an incremental rebuild after editing one article's annotations, Pagefind
 * over our build, page weights, and search in Chromium over the seed site (content/).
 * Our builds render the content on the loader's worker-thread pool (src/content/render-pool.ts)
 * from 8 articles on; CONTENT_WORKERS=0 in the environment renders inline instead.
 *
 * Environment: BENCH_N="10,100,1000", BENCH_REPS="3,3,1" (repetitions per N; medians of these),
 * BENCH_WAYS="ours,unified,satteri" (which builds), BENCH_PORT=4441, BENCH_SKIP_SEARCH=1.
 * A larger edition is opt-in: `BENCH_N=10000 BENCH_REPS=1 BENCH_WAYS=ours BENCH_SKIP_SEARCH=1 npm run bench`
 * (see docs/performance.md, "Larger editions"); a run with an N above 1,000 writes bench/results-large.json
 * and that section's table instead of bench/results.json and "Latest figures".
 *
 * This file is the plan; the builds are run and timed by timed-builds.ts, built sites weighed by
 * site-measures.ts, and the results, ratios and targets put together by assemble-results.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, slugFor } from './generate.ts';
import { measureSearch } from './search.ts';
import type { SearchResult } from './search.ts';
import { htmlPages } from '../tests/budgets/weigh.ts';
import { reportFor, writeReport } from './report.ts';
import { measureHostile } from './hostile.ts';
import { assembleResults, median, round, type Measured } from './assemble-results.ts';
import { folderBytes, pageStats } from './site-measures.ts';
import { ALL_WAYS, astroBin, astroBuild, buildLog, dirs, pagefindBin, restoredPages, root, timed, work, type Way } from './timed-builds.ts';

const NS = (process.env.BENCH_N ?? '10,100,1000').split(',').map(Number);
const REPS = (process.env.BENCH_REPS ?? '3,3,1').split(',').map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 4441);
const WAYS: Way[] = process.env.BENCH_WAYS ? ALL_WAYS.filter((way) => process.env.BENCH_WAYS!.split(',').includes(way)) : [...ALL_WAYS];
if (!WAYS.includes('ours')) throw new Error('BENCH_WAYS must include ours');

const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

mkdirSync(join(work, 'logs'), { recursive: true });

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 1e9, 1),
    os: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((n) => round(n, 2)),
  };
  const version = (pkg: string) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
  const versions = {
    node: process.version,
    astro: version('astro'),
    pagefind: version('pagefind'),
    unified: version('unified'),
    playwright: version('@playwright/test'),
  };
  log(`N = ${NS.join(', ')}; repetitions ${REPS.join(', ')}; ${machine.cores} × ${machine.cpu}; load ${machine.loadAverageAtStart.join(' ')}`);

  const builds: Measured['builds'] = {};
  const pagefind: Measured['pagefind'] = {};
  const pages: Measured['pages'] = {};
  let incremental: Measured['incremental'];
  let indexComparison: Measured['indexComparison'];

  for (const [i, n] of NS.entries()) {
    const reps = REPS[i] ?? REPS.at(-1) ?? 1;
    generateCorpus(join(work, `corpus-${n}`, 'articles'), n);
    generateCorpus(join(work, `corpus-${n}-bare`, 'articles'), n, { bare: true });
    builds[n] = {} as (typeof builds)[string];
    for (const way of WAYS) {
      const d = dirs(way, n);
      const cold: number[] = [];
      const warm: number[] = [];
      const coldCpu: number[] = [];
      const warmCpu: number[] = [];
      for (let r = 0; r < reps; r += 1) {
        rmSync(d.dist, { recursive: true, force: true });
        rmSync(d.cache, { recursive: true, force: true });
        const coldRun = await astroBuild(way, n, `cold-${r + 1}`);
        cold.push(coldRun.seconds);
        coldCpu.push(coldRun.cpu ?? Number.NaN);
        const warmRun = await astroBuild(way, n, `warm-${r + 1}`);
        warm.push(warmRun.seconds);
        warmCpu.push(warmRun.cpu ?? Number.NaN);
        log(`N=${n} ${way.padEnd(7)} cold ${cold.at(-1)!.toFixed(1)} s (CPU ${coldCpu.at(-1)!.toFixed(1)} s), warm ${warm.at(-1)!.toFixed(1)} s (CPU ${warmCpu.at(-1)!.toFixed(1)} s)`);
      }
      builds[n]![way] = {
        cold: cold.map((s) => round(s)),
        warm: warm.map((s) => round(s)),
        coldMedian: round(median(cold)),
        warmMedian: round(median(warm)),
        coldCpu: coldCpu.map((s) => round(s)),
        warmCpu: warmCpu.map((s) => round(s)),
        coldCpuMedian: round(median(coldCpu)),
        warmCpuMedian: round(median(warmCpu)),
        pages: htmlPages(d.dist).length,
      };
    }
    const d = dirs('ours', n);
    const { seconds, peakMb: pagefindPeak } = await timed(`pagefind-${n}`, pagefindBin, ['--site', d.dist], {});
    pagefind[n] = { seconds: round(seconds), ...folderBytes(join(d.dist, 'pagefind')), pages: htmlPages(d.dist).length };
    log(`N=${n} pagefind ${seconds.toFixed(1)} s, ${(pagefind[n]!.bytes / 1e6).toFixed(1)} MB in ${pagefind[n]!.files} files`);
    pages[n] = pageStats(d.dist);

    if (i === NS.length - 1) {
      // The search index two ways over the same pages: as built (every claim page a result), and
      // article pages only, where each claim is a sub-result (its span carries data-pagefind-title).
      const subDir = join(work, `pagefind-articles-${n}`);
      rmSync(subDir, { recursive: true, force: true });
      const sub = await timed(`pagefind-articles-${n}`, pagefindBin, ['--site', d.dist, '--glob', 'articles/*/index.html', '--output-path', subDir], {});
      const subSeconds = sub.seconds;
      indexComparison = {
        n,
        claimPages: { seconds: round(seconds), files: pagefind[n]!.files, bytes: pagefind[n]!.bytes, peakMb: pagefindPeak },
        subResults: { seconds: round(subSeconds), ...folderBytes(subDir), peakMb: sub.peakMb },
      };
      log(`N=${n} index of article pages only (claims as sub-results): ${subSeconds.toFixed(1)} s, ${(indexComparison.subResults.bytes / 1e6).toFixed(1)} MB`);

      // Incremental: one article's annotations edited (a claim's summary), then a warm rebuild.
      const slug = slugFor(Math.floor(n / 2));
      const file = join(d.content, 'articles', slug, 'annotations.yaml');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('    summary: "', '    summary: "Edited for the benchmark. '));
      try {
        const build = (await astroBuild('ours', n, 'incremental')).seconds;
        const html = readFileSync(join(d.dist, 'articles', slug, 'index.html'), 'utf8');
        if (!html.includes('Edited for the benchmark.')) throw new Error(`incremental build did not show the edit in ${slug}`);
        // Pagefind has no incremental mode: re-indexing after the edit is the same work as the index
        // just timed over the same pages, so that time is reported rather than a second run (20–40 s).
        const pf = pagefind[n]!.seconds;
        const restored = restoredPages(`ours-${n}-incremental`);
        incremental = { n, seconds: round(build), cpuSeconds: round(buildLog.cpu[`ours-${n}-incremental`] ?? Number.NaN), pagefindSeconds: pf, article: slug, restored, pages: htmlPages(d.dist).length };
        log(`N=${n} incremental rebuild ${build.toFixed(1)} s, ${restored} pages restored (+ pagefind ${pf.toFixed(1)} s, as the full index)`);
      } finally {
        writeFileSync(file, original);
      }
    }
  }

  // The seed site (content/): page weights and search in Chromium.
  const seedDist = join(work, 'dist-seed');
  rmSync(seedDist, { recursive: true, force: true });
  const seedBuild = (await timed('seed-build', process.execPath, [astroBin, 'build'], { DIST_DIR: seedDist, ASTRO_CACHE_DIR: join(work, 'cache-seed') })).seconds;
  const seedPagefind = (await timed('seed-pagefind', pagefindBin, ['--site', seedDist], {})).seconds;
  log(`seed site built in ${seedBuild.toFixed(1)} s, indexed in ${seedPagefind.toFixed(1)} s`);
  const seed = { buildSeconds: round(seedBuild), pagefindSeconds: round(seedPagefind), pagefind: folderBytes(join(seedDist, 'pagefind')), ...pageStats(seedDist) };
  let search: SearchResult | undefined;
  if (!process.env.BENCH_SKIP_SEARCH) {
    search = await measureSearch(seedDist, PORT);
    log(`search: first ${search.first.ms} ms ${(search.first.gzip / 1000).toFixed(0)} KB gzip; later ${search.later.ms} ms ${(search.later.gzip / 1000).toFixed(0)} KB gzip`);
  }

  // Hostile content: the render cost per KB of text made to be slow, beside ordinary prose.
  const hostile = measureHostile();
  log(`hostile content: worst ${hostile.worstMsPerKb} ms/KB, ordinary prose ${hostile.ordinaryMsPerKb} ms/KB`);

  const repetitions = NS.map((_, i) => REPS[i] ?? REPS.at(-1) ?? 1);
  const results = assembleResults({ started, machine, versions, ns: NS, repetitions, ways: WAYS, builds, pagefind, pages, incremental, indexComparison, seed, search, hostile });
  // A larger edition (N above 1,000) has a results file and a table of its own (report.ts).
  const out = reportFor(NS);
  writeFileSync(join(root, out.results), `${JSON.stringify(results, null, 2)}\n`);
  const table = writeReport(results, join(root, 'docs/performance.md'), out.report);
  console.log(`\n${table}\n`);
  log(`wrote ${out.results} and docs/performance.md`);
}

if (import.meta.main) await main();
