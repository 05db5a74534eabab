/**
 * Deterministic builds: a clean build of the same commit (fresh output and cache folders, then
 * Pagefind, as `npm run build` does) is byte-identical to the site `npm test` has just built —
 * no timestamps, random ids or unordered output. One extra build only: the reference is the
 * build already in DIST_DIR (made first if it is missing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, filesUnder, folders, pagefind } from './support.ts';

const reference = process.env.DIST_DIR ?? 'dist';

function cleanBuild(dist: string, cache: string) {
  const astro = astroBuild({ content: process.env.CONTENT_DIR ?? 'content', dist, cache, clean: true });
  assert.equal(astro.status, 0, astro.output.slice(-2000));
  const index = pagefind(dist);
  assert.equal(index.status, 0, index.output.slice(-2000));
}

test('two clean builds of the same commit are byte-identical', () => {
  if (!existsSync(join(reference, 'index.html'))) cleanBuild(reference, folders('determinism-reference').cache);
  const { dist, cache } = folders('determinism');
  cleanBuild(dist, cache);
  try {
    const a = filesUnder(reference);
    const b = filesUnder(dist);
    assert.deepEqual(b, a, `the same files (if ${reference}/ is from an older commit, run npm run build first)`);
    const differing: string[] = [];
    for (const file of a) {
      const x = readFileSync(join(reference, file));
      const y = readFileSync(join(dist, file));
      if (x.equals(y)) continue;
      let at = 0;
      while (at < x.length && x[at] === y[at]) at++;
      differing.push(`${file} (from byte ${at}: ${JSON.stringify(x.subarray(at, at + 60).toString('latin1'))} vs ${JSON.stringify(y.subarray(at, at + 60).toString('latin1'))})`);
    }
    assert.deepEqual(differing, [], `files that differ between two builds (a source file edited between ${reference}/ and this build differs too)`);
    assert.ok(a.length > 0 && a.some((f) => f.startsWith('pagefind/')), 'the comparison covers the pages and the search index');
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
