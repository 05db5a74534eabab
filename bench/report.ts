/**
 * The results tables for docs/performance.md: each replaces what lies between its markers,
 * leaving the prose around it alone. A run's results go to one of two places: bench/results.json
 * and `<!-- bench:start -->`…`<!-- bench:end -->` ("Latest figures"), or, for an opt-in larger
 * edition (any N above 1,000), bench/results-large.json and `<!-- bench-large:start -->`…
 * `<!-- bench-large:end -->` ("Larger editions"), so that neither run overwrites the other.
 *
 *   npm run bench:report            rewrite both tables from their results files
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Report = 'bench' | 'bench-large';
/** Which report a run of these sizes writes, and its results file (relative to the project). */
export const reportFor = (ns: number[]): { report: Report; results: string } =>
  Math.max(...ns) > 1000 ? { report: 'bench-large', results: 'bench/results-large.json' } : { report: 'bench', results: 'bench/results.json' };

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderTable(r: any): string {
  const lines: string[] = [];
  const ns: number[] = r.plan.ns;
  lines.push(
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGB} GB, ${r.machine.os}; ` +
      `load average ${r.machine.loadAverageAtStart.join(' / ')} at start (the machine is shared). ` +
      `Node ${r.versions.node}, Astro ${r.versions.astro}, unified ${r.versions.unified}, Pagefind ${r.versions.pagefind}, Chromium ${r.versions.chromium ?? '—'}. ` +
      `Repetitions per N: ${ns.map((n, i) => `${n} → ${r.plan.repetitions[i]}`).join(', ')} (medians). Whole run: ${Math.round(r.wallSeconds / 60)} min.`,
    '',
    '**Targets**',
    '',
    '| target | value (CPU time for builds) | wall time | met |',
    '|---|---:|---:|:-:|',
    ...r.targets.map((t: any) => `| ${t.name} | ${t.value} ${t.unit} | ${t.wall === undefined ? '' : `${t.wall} ${t.unit}`} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    '**Build time** (`astro build`; CPU time = user + system, then wall clock in brackets; cold = no dist and no content cache, warm = again with the cache)',
    '',
    '| N | pages (ours) | ours cold | ours warm | unified cold | unified warm | Sätteri cold | Sätteri warm | ours / unified | ours / Sätteri | unified / Sätteri |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...ns.map((n) => {
      const b = r.builds[n];
      const q = r.ratios[n];
      const t = (x: any, k: 'cold' | 'warm') => (x ? `${s(x[`${k}CpuMedian`])} (${s(x[`${k}Median`])})` : '—');
      // A run with BENCH_WAYS leaves some builds out: no ratio rather than "NaN×".
      const x = (cpu: unknown, wall: unknown) => (typeof cpu === 'number' && Number.isFinite(cpu) ? `${cpu}× (${wall}×)` : '—');
      return `| ${n} | ${b.ours.pages} | ${t(b.ours, 'cold')} | ${t(b.ours, 'warm')} | ${t(b.unified, 'cold')} | ${t(b.unified, 'warm')} | ${t(b.satteri, 'cold')} | ${t(b.satteri, 'warm')} | ${x(q.oursOverUnifiedColdCpu, q.oursOverUnifiedCold)} | ${x(q.oursOverSatteriColdCpu, q.oursOverSatteriCold)} | ${x(q.unifiedOverSatteriColdCpu, q.unifiedOverSatteriCold)} |`;
    }),
    '',
  );
  if (r.phases) {
    const n = ns.at(-1);
    const ph = (way: string) => r.phases[`${way}-${n}-cold-1`] ?? {};
    const cell = (x?: number) => (x === undefined ? '—' : s(x));
    lines.push(
      `Where the time goes at N=${n} (first cold build, wall clock from Astro's log): setup + content sync (our loader or glob(), Markdown rendering) / page rendering —` +
        ` ours ${cell(ph('ours').contentAndSetup)} / ${cell(ph('ours').pages)},` +
        ` unified ${cell(ph('unified').contentAndSetup)} / ${cell(ph('unified').pages)},` +
        ` Sätteri ${cell(ph('satteri').contentAndSetup)} / ${cell(ph('satteri').pages)}.`,
      '',
    );
  }
  if (Object.keys(r.marginalMsPerArticle).length > 0) {
    const [a, b] = ns.slice(-2);
    lines.push(
      `Marginal cost per article (cold, N=${a} → ${b}, CPU / wall): ours ${r.marginalMsPerArticle.ours.cpu} / ${r.marginalMsPerArticle.ours.wall} ms` +
        (r.marginalMsPerArticle.unified ? `, unified ${r.marginalMsPerArticle.unified.cpu} / ${r.marginalMsPerArticle.unified.wall} ms` : '') +
        (r.marginalMsPerArticle.satteri ? `, Sätteri ${r.marginalMsPerArticle.satteri.cpu} / ${r.marginalMsPerArticle.satteri.wall} ms` : '') + '. ' +
        `time(${b}) / time(${a}), ours: ${r.scalingCpu}× CPU, ${r.scaling}× wall.` +
        (r.incremental ? ` Incremental rebuild after editing ${r.incremental.article}/annotations.yaml at N=${r.incremental.n}: ${s(r.incremental.cpuSeconds)} CPU, ${s(r.incremental.seconds)} wall, ${r.incremental.restored ?? '?'} files restored from the cache (every page and export of the other articles) (+ Pagefind ${s(r.incremental.pagefindSeconds)}, as the full index: it has no incremental mode).` : ''),
      '',
    );
  }
  if (r.peakMb) {
    const n = ns.at(-1)!;
    const peak = (name: string) => (r.peakMb[name] === undefined ? '—' : `${r.peakMb[name]} MB`);
    const ph = r.phases?.[`ours-${n}-cold-1`] ?? {};
    const pages = r.builds[n].ours.pages;
    lines.push(
      `At N=${n}, ours: peak memory (largest process, GNU time) ${peak(`ours-${n}-cold-1`)} cold, ${peak(`ours-${n}-warm-1`)} warm` +
        (r.indexComparison?.claimPages.peakMb ? `, Pagefind ${r.indexComparison.claimPages.peakMb} MB` : '') +
        (ph.pages !== undefined ? `; page step ${s(ph.pages)} cold for ${pages} pages, ${((ph.pages * 1000) / pages).toFixed(1)} ms a page` : '') +
        (r.phases?.[`ours-${n}-warm-1`]?.pages !== undefined ? `, ${s(r.phases[`ours-${n}-warm-1`].pages)} warm (restored)` : '') +
        (r.phases?.[`ours-${n}-warm-1`]?.contentAndSetup !== undefined ? `; setup + content sync ${s(r.phases[`ours-${n}-warm-1`].contentAndSetup)} warm` : '') +
        '.',
      '',
    );
  }
  if (r.indexComparison) {
    const c = r.indexComparison;
    lines.push(
      `**The search index at N=${c.n}, two ways** (the same built pages): every claim page indexed, as the site does, against article pages only with each claim a sub-result (\`data-pagefind-title\` on its span)`,
      '',
      '| index | indexing | size | files | peak memory |',
      '|---|---:|---:|---:|---:|',
      `| claim pages (as built) | ${s(c.claimPages.seconds)} | ${(c.claimPages.bytes / 1e6).toFixed(2)} MB | ${c.claimPages.files} | ${c.claimPages.peakMb ?? '—'} MB |`,
      `| claims as sub-results | ${s(c.subResults.seconds)} | ${(c.subResults.bytes / 1e6).toFixed(2)} MB | ${c.subResults.files} | ${c.subResults.peakMb ?? '—'} MB |`,
      '',
    );
  }
  lines.push(
    '**Pagefind** (our build; the seed site last)',
    '',
    '| site | pages | indexing | index size | files |',
    '|---|---:|---:|---:|---:|',
    ...ns.map((n) => `| N=${n} | ${r.pagefind[n].pages} | ${s(r.pagefind[n].seconds)} | ${(r.pagefind[n].bytes / 1e6).toFixed(2)} MB | ${r.pagefind[n].files} |`),
    `| seed | ${r.seed.article.pages + r.seed.claim.pages} articles + claims | ${s(r.seed.pagefindSeconds)} | ${(r.seed.pagefind.bytes / 1e6).toFixed(2)} MB | ${r.seed.pagefind.files} |`,
    '',
    '**Page weight** (gzip level 9; "total" = HTML + CSS + JS + fonts + icon the page loads, search excluded)',
    '',
    '| pages | count | HTML p50 | HTML p95 | HTML max | total p50 | total p95 | total max | JS per page |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const row = (label: string, p: any) =>
    `| ${label} | ${p.pages} | ${kb(p.htmlGzip.p50)} | ${kb(p.htmlGzip.p95)} | ${kb(p.htmlGzip.max)} | ${kb(p.totalGzip.p50)} | ${kb(p.totalGzip.p95)} | ${kb(p.totalGzip.max)} | ${kb(p.jsGzip.max)} |`;
  const largest = ns.at(-1)!;
  lines.push(
    row('seed article', r.seed.article),
    row('seed claim pages', r.seed.claim),
    row(`synthetic articles (N=${largest})`, r.pages[largest].article),
    row(`synthetic claim pages (N=${largest})`, r.pages[largest].claim),
    '',
  );
  const ratio = (p: any) => (p?.floorRatio ? `${p.floorRatio.max.toFixed(2)}×` : '—');
  // Runs before 2 December 2026 did not measure it.
  const overhead = (p: any) => (p?.markupOverhead ? p.markupOverhead.max.toFixed(2) : '—');
  lines.push(
    `Article pages against their content floor (gzip of the visible text and the source addresses; budget 2×, goal 1.6×): seed ${ratio(r.seed.article)}, synthetic (N=${largest}) at most ${ratio(r.pages[largest].article)}.`,
    '',
    `Markup overhead of article pages (gzip of the HTML without its inline CSS over the content floor; budget 1.5 on the seed site): seed ${overhead(r.seed.article)}, synthetic (N=${largest}) at most ${overhead(r.pages[largest].article)}.`,
    '',
  );
  if (r.hostile) {
    lines.push(
      '**Hostile content** (`renderArticle` on about 30 KB of text made to be slow, at and over the limits of src/pipeline/markdown-limits.ts; `npm run bench:hostile`)',
      '',
      '| text | size | time | per KB | outcome |',
      '|---|---:|---:|---:|---|',
      ...r.hostile.cases.map((c: any) => `| ${c.name} | ${c.kb} KB | ${c.ms} ms | ${c.msPerKb} ms | ${c.outcome} |`),
      '',
    );
  }
  if (r.search) {
    const run = (label: string, x: any) => `| ${label} | “${x.query}” | ${x.ms} ms | ${x.uiReadyMs === undefined ? '—' : `${x.uiReadyMs} ms`} | ${x.requests} | ${kb(x.gzip)} | ${kb(x.bytes)} | ${x.results} |`;
    lines.push(
      `**Search in Chromium** (seed site; ${r.search.method})`,
      '',
      '| search | query | time to results | of which until the UI is loaded | requests under /pagefind/ | bytes (gzip) | bytes (as served, uncompressed) | results |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      run('first', r.search.first),
      run('later', r.search.later),
      ...(r.search.arrival ? [run('arrival at /search/?q=', r.search.arrival)] : []),
      '',
    );
  }
  return lines.join('\n');
}

export function writeReport(results: unknown, docPath: string, report: Report = 'bench'): string {
  const [START, END] = [`<!-- ${report}:start -->`, `<!-- ${report}:end -->`];
  const table = renderTable(results);
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  const next = start !== -1 && end > start ? `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}` : `${doc.trimEnd()}\n\n${START}\n${table}\n${END}\n`;
  writeFileSync(docPath, next);
  return table;
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  for (const [report, file] of [['bench', 'bench/results.json'], ['bench-large', 'bench/results-large.json']] as const) {
    if (!existsSync(join(root, file))) continue;
    console.log(writeReport(JSON.parse(readFileSync(join(root, file), 'utf8')), join(root, 'docs/performance.md'), report));
  }
}
