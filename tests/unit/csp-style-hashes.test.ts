/**
 * The CSP-hash integration allows exactly the page's real <style> elements: text that merely
 * reads "<style>" (a summary in a meta description, a comment) must not hide the real one, and
 * a page read from the cache of the last build's pages must not keep an old style allowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStyleHashes } from '../../src/integrations/csp-style-hashes.ts';
import { StyleHashCache } from '../../src/integrations/style-hash-cache.ts';

const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

test('a "<style>" in an attribute or comment does not hide the real stylesheet from the policy', () => {
  const dist = mkdtempSync(join(tmpdir(), 'csp-'));
  try {
    const css = 'body{color:#222}';
    mkdirSync(join(dist, 'articles/x'), { recursive: true });
    writeFileSync(join(dist, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self'\n");
    writeFileSync(
      join(dist, 'articles/x/index.html'),
      `<!doctype html><html><head><meta name="description" content="Why <style> tags matter"><!-- <style>old</style> --><style>${css}</style></head><body><p title="<style>x</style>">text</p></body></html>`,
    );
    assert.equal(addStyleHashes(dist), 1);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes(`style-src 'self' ${hash(css)}`), headers);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('with a cache file, a page whose style changed gets its new hash and loses the old one', () => {
  const dist = mkdtempSync(join(tmpdir(), 'csp-'));
  const cacheFile = join(dist, '.cache/csp-style-hashes.json');
  const page = (css: string) => `<!doctype html><html><head><style>${css}</style></head><body><p>text</p></body></html>`;
  try {
    mkdirSync(join(dist, 'a'), { recursive: true });
    mkdirSync(join(dist, 'b'), { recursive: true });
    writeFileSync(join(dist, 'a/index.html'), page('a{color:red}'));
    writeFileSync(join(dist, 'b/index.html'), page('b{color:blue}'));
    const policy = "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self'\n";
    writeFileSync(join(dist, '_headers'), policy);
    assert.equal(addStyleHashes(dist, cacheFile), 2);

    // The next build: page b restyled, page a the same bytes (read from the cache).
    writeFileSync(join(dist, 'b/index.html'), page('b{color:green}'));
    writeFileSync(join(dist, '_headers'), policy);
    assert.equal(addStyleHashes(dist, cacheFile), 2);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes(hash('a{color:red}')) && headers.includes(hash('b{color:green}')), headers);
    assert.ok(!headers.includes(hash('b{color:blue}')), 'the old style is no longer allowed');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('the style cache parses a page once for the same bytes, and ignores a broken or outdated file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-cache-'));
  const file = join(dir, 'csp-style-hashes.json');
  const bytes = Buffer.from('<style>p{margin:0}</style>');
  let parsed = 0;
  const find = () => {
    parsed += 1;
    return [hash('p{margin:0}')];
  };
  try {
    const first = new StyleHashCache(file);
    assert.deepEqual(first.styles(bytes, find), [hash('p{margin:0}')]);
    first.save();
    assert.deepEqual(new StyleHashCache(file).styles(bytes, find), [hash('p{margin:0}')]);
    assert.equal(parsed, 1, 'the second build read the page from the cache');

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, version: 'older code' }));
    new StyleHashCache(file).styles(bytes, find);
    assert.equal(parsed, 2, 'a cache written by other code is not used');

    writeFileSync(file, '{ not json');
    new StyleHashCache(file).styles(bytes, find);
    assert.equal(parsed, 3, 'a broken cache file is an empty cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
