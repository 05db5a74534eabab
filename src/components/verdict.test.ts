import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bottomLine, countRows, topProblems } from './verdict.ts';

const claim = (number: number, kind: 'fact' | 'opinion' | 'prediction', rating?: string) =>
  ({ number, kind, ...(rating ? { rating } : {}) }) as never;

describe('countRows', () => {
  it('counts problems first, then the other ratings, then what is not rated, leaving out empty rows', () => {
    const rows = countRows([claim(1, 'fact', 'accurate'), claim(2, 'fact', 'misleading'), claim(3, 'opinion'), claim(4, 'fact', 'accurate'), claim(5, 'fact', 'inaccurate')]);
    assert.deepEqual(
      rows.map((r) => [r.label, r.count, r.problem]),
      [['inaccurate', 1, true], ['misleading', 1, true], ['accurate', 2, false], ['opinion', 1, false]],
    );
  });
});

describe('topProblems', () => {
  it('gives the most serious problems first, then in text order, at most max', () => {
    const claims = [claim(1, 'fact', 'missing-context'), claim(2, 'fact', 'misleading'), claim(3, 'fact', 'accurate'), claim(4, 'fact', 'inaccurate'), claim(5, 'fact', 'misleading')];
    assert.deepEqual(topProblems(claims as never[]).map((c: any) => c.number), [4, 2, 5]);
  });
});

describe('bottomLine', () => {
  it("prefers the editors' verdict, else the assessment's first paragraph", () => {
    assert.deepEqual(bottomLine({ verdict: 'Mostly wrong.', assessmentHtml: '<p>A.</p>' }), { text: 'Mostly wrong.' });
    assert.deepEqual(bottomLine({ assessmentHtml: '<p>First <em>one</em>.</p>\n<p>Second.</p>' }), { html: 'First <em>one</em>.' });
    assert.equal(bottomLine({}), undefined);
  });

  it('leaves the citations to the full assessment (their ids and targets are not where the line is shown)', () => {
    const cite = '<sup class="cite"><a href="#source-1" id="ref-assessment-1" aria-describedby="sources-heading">1</a></sup>';
    assert.deepEqual(bottomLine({ assessmentHtml: `<p>Mostly fair ${cite}, if loose.</p>` }), { html: 'Mostly fair, if loose.' });
  });
});
