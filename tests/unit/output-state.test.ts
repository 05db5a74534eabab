/**
 * Keeping dist/ between builds (src/integrations/keep-output.ts) is only safe if a folder that
 * differs from what the last build left is noticed, and if what a build no longer writes is removed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputState, prune, readState, sameState, writeState, written } from '../../src/integrations/output-state.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'output-state-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a file changed, added or removed after the build is noticed; the search index written after it is not', () => {
  const dir = folder({ 'index.html': 'home', 'articles/a/index.html': 'a' });
  try {
    const past = new Date(Date.now() - 1000);
    for (const name of ['index.html', 'articles/a/index.html']) utimesSync(join(dir, name), past, past);
    const recorded = outputState(dir);
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/pagefind.js'), 'index');
    assert.ok(sameState(recorded, outputState(dir)), 'pagefind/ is not part of the build');
    writeFileSync(join(dir, 'articles/a/index.html'), 'b');
    assert.ok(!sameState(recorded, outputState(dir)), 'same size, new content');
    const edited = outputState(dir);
    rmSync(join(dir, 'index.html'));
    assert.ok(!sameState(edited, outputState(dir)), 'a file removed');
    writeFileSync(join(dir, 'index.html'), 'home');
    writeFileSync(join(dir, 'extra.html'), 'x');
    assert.ok(!sameState(edited, outputState(dir)), 'a file added');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a build, what it neither wrote nor listed is removed, with the folders left empty', () => {
  const dir = folder({ 'index.html': 'home', 'articles/gone/index.html': 'old', 'articles/kept/index.html': 'kept', '_astro/old.js': 'old', 'pagefind/a.pf': 'x' });
  try {
    // The previous build's files are a second old; this build rewrites index.html and writes a new bundle.
    const past = new Date(Date.now() - 1000);
    for (const name of ['index.html', 'articles/gone/index.html', 'articles/kept/index.html', '_astro/old.js']) utimesSync(join(dir, name), past, past);
    const before = outputState(dir);
    writeFileSync(join(dir, 'index.html'), 'home, rebuilt');
    writeFileSync(join(dir, '_astro/new.js'), 'new');
    const keep = written(before, outputState(dir));
    assert.deepEqual([...keep].sort(), ['_astro/new.js', 'index.html']);
    keep.add('articles/kept/index.html'); // a page Astro left in place (its `assets`)
    assert.equal(prune(dir, keep), 3);
    assert.deepEqual(Object.keys(outputState(dir)).sort(), ['_astro/new.js', 'articles/kept/index.html', 'index.html']);
    assert.ok(!existsSync(join(dir, 'articles/gone')) && !existsSync(join(dir, 'pagefind')), 'emptied folders are removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a recorded state belongs to one output folder', () => {
  const dir = folder({ 'index.html': 'home' });
  try {
    const file = join(dir, '..', `${dir.split('/').pop()}-state.json`);
    writeState(file, dir, outputState(dir));
    assert.ok(sameState(readState(file, dir)!, outputState(dir)));
    assert.equal(readState(file, `${dir}-other`), undefined, 'another folder has no record');
    writeFileSync(file, '{ broken');
    assert.equal(readState(file, dir), undefined, 'an unreadable record is no record');
    rmSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
