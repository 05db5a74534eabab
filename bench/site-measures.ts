/**
 * What the bench measures in a built site: the files and bytes of a folder (the search index), and
 * the weight of its article and claim pages (medians, 95th percentiles, maxima, the ratio to each
 * page's content floor) with tests/budgets/weigh.ts, the weigher the budgets use.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { contentFloor, htmlPages, isArticlePage, isClaimPage, markupOverhead, quantile, weighPage } from '../tests/budgets/weigh.ts';
import { filesUnder } from '../src/built-site/files.ts';

export function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const path of existsSync(dir) ? filesUnder(dir) : []) {
    files += 1;
    bytes += statSync(path).size;
  }
  return { files, bytes };
}

export function pageStats(dist: string) {
  const pages = htmlPages(dist);
  // Each page is parsed and weighed once (11,004 pages at N=1,000: about a minute each time).
  const weighed = new Map(pages.map((file) => [file, weighPage(dist, file)]));
  const summarise = (files: string[]) => {
    const weights = files.map((file) => weighed.get(file)!);
    const q = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? 0 };
    };
    return {
      pages: files.length,
      htmlGzip: q(weights.map((w) => w.htmlGzip)),
      totalGzip: q(weights.map((w) => w.totalGzip)),
      jsGzip: q(weights.map((w) => w.jsGzip)),
      // Page weight over the content floor (the article budget allows 2×; the goal is 1.6×).
      floorRatio: q(files.map((file) => weighed.get(file)!.totalGzip / contentFloor(readFileSync(file, 'utf8')))),
      // HTML without its inline CSS over the content floor (the budget is 1.5 on article pages).
      markupOverhead: q(files.map((file) => markupOverhead(readFileSync(file, 'utf8')))),
    };
  };
  return {
    article: summarise(pages.filter((f) => isArticlePage(dist, f))),
    claim: summarise(pages.filter((f) => isClaimPage(dist, f))),
    allPagesJsGzipMax: Math.max(0, ...[...weighed.values()].map((w) => w.jsGzip)),
  };
}
