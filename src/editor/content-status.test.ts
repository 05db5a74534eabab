import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentErrors } from './content-status.ts';

test('the errors shown follow each edit, an article at a time', () => {
  const root = mkdtempSync(join(tmpdir(), 'content-status-'));
  try {
    cpSync('tests/fixtures/editor-content/articles', root, { recursive: true });
    assert.deepEqual(contentErrors(root), [], 'the fixture is clean');
    const file = join(root, 'harbour-reopens', 'annotations.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('kind: fact', 'kind: claim'));
    const broken = contentErrors(root);
    assert.equal(broken.length, 1);
    assert.equal(broken[0]!.ruleId, 'unknown-kind');
    assert.equal(broken[0]!.subject, 'repair-cost');
    assert.deepEqual(contentErrors(root), broken, 'asked again, the same errors');
    writeFileSync(file, good);
    assert.deepEqual(contentErrors(root), [], 'fixed, the error is gone');
    rmSync(join(root, 'harbour-reopens'), { recursive: true });
    assert.deepEqual(contentErrors(root), [], 'a deleted article has no errors');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
