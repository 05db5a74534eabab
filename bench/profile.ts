/**
 * Where the content step's time goes: renders N synthetic articles with renderArticle, outside
 * Astro, and prints the time per article; with --cpu-prof (node's flag) it also writes a
 * V8 profile to bench/work/ for the functions with the most self time (see docs/performance.md).
 *
 *   npm run bench:profile -- [n=100]
 *   npx node --cpu-prof --cpu-prof-dir=bench/work/prof bench/profile.ts [n=100]   (with a CPU profile)
 */
import { generateArticle } from './generate.ts';
import { renderArticle } from '../src/pipeline/render-article.ts';

const n = Number(process.argv[2] ?? 100);
const articles = Array.from({ length: n }, (_, i) => generateArticle(i));
const render = (a: ReturnType<typeof generateArticle>, bare = false) =>
  renderArticle({
    slug: a.slug,
    articleFile: `${a.slug}/article.md`,
    articleSource: a.articleMd,
    annotationsFile: `${a.slug}/annotations.yaml`,
    annotationsSource: bare ? a.bareAnnotationsYaml : a.annotationsYaml,
  });
render(articles[0]!); // warm up the JIT and module caches
// CPU time, not wall time: the machine is shared, and CPU time is less disturbed by other work.
for (const bare of [true, false, true, false]) {
  const start = process.cpuUsage();
  for (const a of articles) render(a, bare);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  console.log(`${bare ? 'without annotations' : 'with annotations   '}: ${(ms / n).toFixed(1)} ms CPU per article (${n} articles)`);
}
