/**
 * The worker side of the render pool (./render-pool.ts): renders one article per message
 * with the same `renderArticle` the loader calls inline, and answers with plain data.
 *
 * It runs as a file of its own in a `worker_threads` Worker, outside Vite, so it is plain
 * TypeScript that Node runs with type stripping and imports nothing from Astro.
 */
import { parentPort } from 'node:worker_threads';
import { renderArticle } from '../pipeline/render-article.ts';
import type { RenderOutcome, RenderRequest } from './render-outcome.ts';
import { outcomeOf } from './render-outcome.ts';

if (!parentPort) throw new Error('render-worker.ts runs only as a worker thread (see render-pool.ts)');
const port = parentPort;

port.on('message', (request: RenderRequest) => {
  const outcome: RenderOutcome = outcomeOf(() => renderArticle(request.input));
  port.postMessage({ index: request.index, outcome });
});
