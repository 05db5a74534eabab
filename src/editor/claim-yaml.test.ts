import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addClaims, claimYaml, YamlError } from './claim-yaml.ts';

const claim = { id: 'first-ferry', quote: 'ferry', prefix: 'first', kind: 'fact' as const, rating: 'unverifiable' as const, summary: 'No timetable.', note: 'One line.\n\nTwo paragraphs.', topics: ['ferries'] };

describe('addClaims', () => {
  it('appends to claims: and keeps comments, order and the other sections', () => {
    const source = '# top comment\nsources:\n  s: # the council\n    title: T\n    publisher: P\nclaims:\n  # first\n  - id: a\n    quote: x\n';
    const out = addClaims(source, [claim]);
    // The yaml library moves a comment after `key:` to the line below it; it keeps every comment.
    assert.ok(out.startsWith('# top comment\nsources:\n  s:\n    # the council\n    title: T\n    publisher: P\nclaims:\n  # first\n  - id: a\n    quote: x\n  - id: first-ferry\n'), out);
    assert.match(out, / {4}note: \|-?\n {6}One line\.\n\n {6}Two paragraphs\.\n {4}topics: \[ferries\]\n$/);
  });

  it('starts a claims list in an empty file, in `{}` and under an empty `claims:`', () => {
    for (const source of ['', '{}\n', 'claims:\n', '# nothing yet\n']) {
      const out = addClaims(source, [{ ...claim, topics: [] }]);
      assert.match(out, /^(# nothing yet\n\n)?claims:\n {2}- id: first-ferry\n {4}quote: ferry\n {4}prefix: first\n {4}kind: fact\n/, JSON.stringify(source));
    }
  });

  it('refuses a file it cannot read, or one whose claims are not a list', () => {
    assert.throws(() => addClaims('claims: [\n', [claim]), YamlError);
    assert.throws(() => addClaims('claims:\n  a: 1\n', [claim]), /must be a list of claims/);
  });
});

describe('claimYaml', () => {
  it('writes one list item in the documented field order, leaving out empty fields', () => {
    assert.equal(claimYaml({ id: 'x', quote: 'Critics call it', kind: '', rating: '', summary: '', note: '' }), '- id: x\n  quote: Critics call it\n');
  });
});
