/**
 * The content loader under a real `astro build` with its render pool (src/content/render-pool.ts)
 * and the slimmer content store (src/content/stored-article.ts, with each article's HTML in a file
 * of its own: src/content/article-html.ts), against the loader as it was: every article rendered
 * inline and the whole article stored.
 *
 * - the fixture site built with the pool and the slim store is byte-identical to the one built
 *   inline with the full store (so the worker path resolves in Vite's build, and no page reads a
 *   field the store drops);
 * - broken content built with the pool fails with the same messages, in the same order, as inline.
 *
 * The fixtures have fewer articles than the pool's threshold, so CONTENT_POOL_MIN lowers it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, copyContent, filesUnder, FIXTURES, folders } from './support.ts';

const POOL = { CONTENT_POOL_MIN: '2', CONTENT_WORKERS: '2' };
const AS_BEFORE = { CONTENT_WORKERS: '0', CONTENT_STORE_FULL: '1' };

/** The content messages a build printed (`file:line:column: error|warning: …`), without Astro's timestamps. */
function contentMessages(output: string): string[] {
  return [...output.matchAll(/(\S+:\d+:\d+: (?:error|warning): .*)$/gm)].map((m) => m[1]!);
}

test('the site built on the pool with the slim store is byte-identical to one built inline with the full store', () => {
  const pooled = folders('pool');
  const inline = folders('pool-inline');
  const content = FIXTURES;
  try {
    const a = astroBuild({ content, ...pooled, clean: true, env: POOL });
    assert.equal(a.status, 0, a.output.slice(-3000));
    const count = readdirSync(join(FIXTURES, 'articles')).length;
    assert.match(a.output, new RegExp(`rendering ${count} articles on 2 worker threads`), 'the pool rendered the articles');
    assert.equal(readdirSync(join(pooled.cache, 'article-html')).length, count, 'one HTML file per article in the cache folder');
    const b = astroBuild({ content, ...inline, clean: true, env: AS_BEFORE });
    assert.equal(b.status, 0, b.output.slice(-3000));
    assert.doesNotMatch(b.output, /worker threads/);
    assert.ok(!existsSync(join(inline.cache, 'article-html')), 'the full store writes no HTML files');
    assert.deepEqual(contentMessages(a.output), contentMessages(b.output), 'the same warnings, in the same order');

    const files = filesUnder(inline.dist);
    assert.deepEqual(filesUnder(pooled.dist), files, 'the same files');
    assert.ok(files.some((f) => f.includes('/claims/')) && files.some((f) => f.endsWith('claims.csv')) && files.some((f) => f.endsWith('annotations.jsonld')));
    const differing = files.filter((file) => !readFileSync(join(pooled.dist, file)).equals(readFileSync(join(inline.dist, file))));
    assert.deepEqual(differing, [], 'files that differ: a page reads a field the store drops, or the pool renders differently');
  } finally {
    for (const { dist, cache } of [pooled, inline]) {
      rmSync(dist, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  }
});

test('broken content built on the pool stops with the same messages as inline', () => {
  const copy = copyContent();
  const breaks: [string, string, string | RegExp, string][] = [
    ['contract-cases', 'annotations.yaml', 'quote: a safe one', 'quote: a safe bet'],
    ['edge-cases', 'article.md', /\ntitle: [^\n]*/, ''],
    ['no-claims', 'annotations.yaml', 'title: Press archive', 'title: "Press archive'],
  ];
  const { dist, cache } = folders('pool-broken');
  try {
    for (const [slug, file, from, to] of breaks) {
      const path = join(copy.articles, slug, file);
      const text = readFileSync(path, 'utf8');
      const changed = text.replace(from, to);
      assert.notEqual(changed, text, `the break applies to ${slug}/${file}`);
      writeFileSync(path, changed);
    }
    const runs = [POOL, AS_BEFORE].map((env) => astroBuild({ content: copy.content, dist, cache, clean: true, env }));
    for (const run of runs) {
      assert.notEqual(run.status, 0, 'the build fails');
      assert.equal(run.signal, null, 'the build finished (no hang)');
      assert.match(run.output, /Content has errors:/);
    }
    assert.match(runs[0]!.output, /worker threads/, 'the pool rendered the articles');
    const [pooled, inline] = runs.map((run) => contentMessages(run.output));
    assert.deepEqual(pooled, inline);
    for (const slug of ['contract-cases', 'edge-cases', 'no-claims']) {
      assert.ok(pooled!.some((m) => m.includes(`/${slug}/`) && m.includes(': error: ')), `an error for ${slug} in:\n${pooled!.join('\n')}`);
    }
  } finally {
    copy.cleanup();
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
