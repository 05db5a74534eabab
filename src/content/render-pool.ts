/**
 * Renders many articles on every core: a small pool of `worker_threads` workers
 * (./render-worker.ts), each running `renderArticle` on one article at a time. The content
 * step is otherwise one thread, and Astro's `build.concurrency` does not reach the loader.
 *
 * Outcomes come back in input order, as plain data (./render-outcome.ts), so the loader logs
 * warnings, collects content errors and stores entries exactly as when it renders inline.
 * Below `minArticles` (8) articles, or with one core, it renders inline: starting a worker
 * (loading the pipeline's modules again) costs about as much as rendering a few articles.
 *
 * The worker is started from its file path, `new URL('./render-worker.ts', import.meta.url)`.
 * Astro loads content.config.ts and this module through Vite's module runner, which keeps each
 * module's own file URL in `import.meta.url` (the loader is not bundled into another file), so the
 * path is the real file in src/content/. If it is not (some other bundling), the pool says why
 * through `onInline` and renders inline rather than fail.
 *
 * CONTENT_WORKERS=<n> sets the number of workers (0 or 1 renders inline), e.g. to compare;
 * CONTENT_POOL_MIN=<n> the fewest articles that use the pool (the tests use it on small corpora).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderArticle } from '../pipeline/render-article.ts';
import type { ArticleInput } from '../pipeline/render-article.ts';
import { errorOutcome, outcomeOf } from './render-outcome.ts';
import type { RenderOutcome, RenderRequest } from './render-outcome.ts';

export const MIN_ARTICLES = 8;
const MAX_WORKERS = 8;

export interface RenderPoolOptions {
  /** Workers to start; default CONTENT_WORKERS, else the cores available (at most 8). */
  workers?: number;
  /** Fewer inputs than this render inline. */
  minArticles?: number;
  /** Told why the pool renders inline although there are enough articles. */
  onInline?: (reason: string) => void;
  /** Told how many workers render how many articles, when the pool is used. */
  onPool?: (workers: number, articles: number) => void;
}

export const workerUrl = new URL('./render-worker.ts', import.meta.url);

export function defaultWorkers(): number {
  const fromEnv = process.env.CONTENT_WORKERS;
  if (fromEnv !== undefined && fromEnv !== '' && Number.isInteger(Number(fromEnv))) return Math.max(0, Number(fromEnv));
  return Math.min(availableParallelism(), MAX_WORKERS);
}

/** How many workers `renderEach` would start for `count` articles (0: inline). */
export function workersFor(count: number, options: RenderPoolOptions = {}): number {
  const workers = Math.min(options.workers ?? defaultWorkers(), count);
  const fromEnv = Number(process.env.CONTENT_POOL_MIN);
  const min = options.minArticles ?? (process.env.CONTENT_POOL_MIN && Number.isInteger(fromEnv) ? fromEnv : MIN_ARTICLES);
  return count >= min && workers >= 2 ? workers : 0;
}

/** Renders every input, yielding each outcome in input order (inline, or on a pool of workers). */
export async function* renderEach(inputs: readonly ArticleInput[], options: RenderPoolOptions = {}): AsyncGenerator<RenderOutcome> {
  let workers = workersFor(inputs.length, options);
  if (workers > 0 && (workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(workerUrl)))) {
    options.onInline?.(`the render worker is not at ${workerUrl.href}; rendering on one thread`);
    workers = 0;
  }
  if (workers === 0) {
    for (const input of inputs) yield outcomeOf(() => renderArticle(input));
    return;
  }
  options.onPool?.(workers, inputs.length);
  const pool = startPool(inputs, workers);
  try {
    for (const outcome of pool.outcomes) yield await outcome;
  } finally {
    await pool.close();
  }
}

function startPool(inputs: readonly ArticleInput[], size: number) {
  const settlers: ((outcome: RenderOutcome) => void)[] = [];
  const settled: boolean[] = inputs.map(() => false);
  const outcomes = inputs.map((_, index) => new Promise<RenderOutcome>((resolve) => (settlers[index] = resolve)));
  const resolveOnce = (index: number, outcome: RenderOutcome) => {
    if (settled[index]) return;
    settled[index] = true;
    settlers[index]!(outcome);
  };
  let next = 0;
  let closing = false;
  const threads: Worker[] = [];

  for (let w = 0; w < size; w += 1) {
    const worker = new Worker(workerUrl);
    let current: number | undefined;
    const feed = () => {
      if (closing || next >= inputs.length) {
        current = undefined;
        return;
      }
      current = next++;
      const request: RenderRequest = { index: current, input: inputs[current]! };
      worker.postMessage(request);
    };
    worker.on('message', ({ index, outcome }: { index: number; outcome: RenderOutcome }) => {
      resolveOnce(index, outcome);
      feed();
    });
    // A worker that dies (a crash, not a content error) fails what it held and everything not yet
    // rendered, so the loader throws that error instead of waiting for ever.
    const fail = (error: unknown) => {
      if (closing) return;
      const outcome = errorOutcome(error);
      if (current !== undefined) resolveOnce(current, outcome);
      for (let i = next; i < inputs.length; i += 1) resolveOnce(i, outcome);
      next = inputs.length;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the render worker stopped (exit code ${code})`)));
    threads.push(worker);
    feed();
  }

  return {
    outcomes,
    close: async () => {
      closing = true;
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}
