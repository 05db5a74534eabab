/**
 * The CSP-hash integration allows exactly the page's real <style> elements: text that merely
 * reads "<style>" (a summary in a meta description, a comment) must not hide the real one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStyleHashes } from '../../src/integrations/csp-style-hashes.ts';

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
