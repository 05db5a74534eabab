import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { addClaim, claimSkeleton } from './claim-service.ts';
import { contentErrors } from './content-status.ts';

const root = mkdtempSync(join(tmpdir(), 'claim-service-'));
cpSync('tests/fixtures/editor-content/articles', root, { recursive: true });
const file = join(root, 'harbour-reopens', 'annotations.yaml');
after(() => rmSync(root, { recursive: true, force: true }));

describe('claimSkeleton', () => {
  it('offers the id, the quote as the article has it, and the sources to cite', () => {
    const skeleton = claimSkeleton(root, { slug: 'harbour-reopens', blockId: 'subtitle', before: 'A ', selected: "town's bet" });
    assert.ok(skeleton.ok);
    assert.deepEqual(skeleton.claim, { id: 'towns-bet', quote: "town's bet", kind: '', summary: '', note: '' });
    assert.deepEqual(skeleton.sourceIds, ['council-2024']);
  });

  it('refuses a selection outside the article’s blocks', () => {
    const skeleton = claimSkeleton(root, { slug: 'harbour-reopens', blockId: 'claims-heading', before: '', selected: 'Claims' });
    assert.equal(skeleton.ok, false);
  });
});

describe('addClaim', () => {
  it('writes nothing when the build refuses the claim, and says why with the build’s message', () => {
    const before = readFileSync(file, 'utf8');
    const outcome = addClaim(root, 'harbour-reopens', { id: 'bet', quote: 'a costly bet', kind: 'fact', summary: '', note: 'A note.' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.messages.join('\n'), /annotations\.yaml:\d+:\d+: error: claim "bet": .*\[(field-missing|rating-missing)\]/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('writes an accepted claim, leaving no temporary file behind', () => {
    const outcome = addClaim(root, 'harbour-reopens', { id: 'bet', quote: 'a costly bet', kind: 'opinion', summary: 'The critics’ view.', note: 'An opinion.' });
    assert.ok(outcome.ok);
    assert.match(readFileSync(file, 'utf8'), /- id: bet\n {4}quote: a costly bet\n {4}kind: opinion\n/);
    assert.deepEqual(readdirSync(join(root, 'harbour-reopens')).sort(), ['annotations.yaml', 'article.md']);
  });
});

describe('contentErrors', () => {
  it('gives each error’s file, line, column, claim id and the build’s message', () => {
    assert.deepEqual(contentErrors(root), []);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('kind: opinion', 'kind: guess'));
    const [error] = contentErrors(root);
    const line = good.split('\n').findIndex((text) => text.includes('kind: opinion')) + 1;
    assert.deepEqual(
      { ...error, file: error!.file.replace(/^.*harbour/, 'harbour') },
      {
        file: 'harbour-reopens/annotations.yaml',
        line,
        column: 5,
        subject: 'bet',
        subjectKind: 'claim',
        ruleId: 'unknown-kind',
        reason: 'kind "guess" is not one of fact, interpretation, opinion, prediction',
        text: `${error!.file}:${line}:5: error: claim "bet": kind "guess" is not one of fact, interpretation, opinion, prediction [unknown-kind]`,
      },
    );
    writeFileSync(file, good);
  });
});
