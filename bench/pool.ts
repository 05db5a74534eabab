/**
 * The content step's render pool against rendering inline, outside Astro: renders N synthetic
 * articles (bench/generate.ts) with `renderEach` (src/content/render-pool.ts) on one thread and
 * on the pool, alternating, and prints wall and CPU time (this process and its worker threads).
 *
 *   npm run bench:pool -- [n=300] [rounds=3] [workers=cores]
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateArticle } from './generate.ts';
import { renderEach } from '../src/content/render-pool.ts';

const n = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 3);
const workers = Number(process.argv[4] ?? availableParallelism());
const inputs = Array.from({ length: n }, (_, i) => {
  const a = generateArticle(i);
  return { slug: a.slug, articleFile: `${a.slug}/article.md`, articleSource: a.articleMd, annotationsFile: `${a.slug}/annotations.yaml`, annotationsSource: a.annotationsYaml };
});

async function run(poolWorkers: number) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let ok = 0;
  for await (const outcome of renderEach(inputs, { workers: poolWorkers })) if (outcome.kind === 'ok') ok += 1;
  if (ok !== n) throw new Error(`${n - ok} articles failed`);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

console.log(`${n} articles, ${workers} workers, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await run(0); // warm up the main thread's JIT, as a build's first article would not be
for (let r = 1; r <= rounds; r += 1) {
  for (const [label, w] of [['inline', 0], [`pool ×${workers}`, workers]] as const) {
    const t = await run(w);
    console.log(`round ${r} ${label.padEnd(8)}: ${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU (${(t.wall / n * 1000).toFixed(1)} ms wall per article)`);
  }
}
