import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MARKDOWN_LIMITS, checkMarkdownLimits, nestingDepth } from './markdown-limits.ts';

describe('markdown-limits', () => {
  it('lets ordinary Markdown through', () => {
    const text = '> A quote with *emphasis* and a [link](https://example.org).\n\n- one\n  - two\n    - three\n\n```\n' + '*'.repeat(2000) + '\n```\n';
    assert.deepEqual(checkMarkdownLimits(text), []);
  });

  it('counts blockquote and list markers and indentation as nesting', () => {
    assert.equal(nestingDepth('> > > a'), 3);
    assert.equal(nestingDepth('- - a'), 2);
    assert.equal(nestingDepth('    - a'), 3);
    assert.equal(nestingDepth('plain *text*'), 0);
  });

  it('refuses thousands of nested blockquotes with the line they are on', () => {
    const [problem, ...rest] = checkMarkdownLimits(`First line.\n\n${'>'.repeat(3000)} deep`);
    assert.equal(rest.length, 0);
    assert.equal(problem?.ruleId, 'nesting-too-deep');
    assert.equal(problem?.line, 3);
    assert.match(problem!.reason, /nests 3000 levels deep.*most allowed is 32/);
  });

  it('refuses a list nested on one line', () => {
    assert.equal(checkMarkdownLimits(`${'- '.repeat(2000)}a`)[0]?.ruleId, 'nesting-too-deep');
  });

  it('refuses a paragraph of alternating emphasis delimiters, once, at its first line', () => {
    const problems = checkMarkdownLimits(`Intro.\n\n${'*a_'.repeat(1000)}\nmore *a_*a_`);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.line]), [['delimiters-too-many', 3]]);
  });

  it('counts per paragraph: the same marks spread over paragraphs pass', () => {
    const paragraph = '*a* _b_ [c] '.repeat(MARKDOWN_LIMITS.delimiters / 8);
    assert.deepEqual(checkMarkdownLimits(Array(20).fill(paragraph).join('\n\n')), []);
  });

  it('refuses runs of brackets', () => {
    assert.equal(checkMarkdownLimits('[a]'.repeat(2600))[0]?.ruleId, 'delimiters-too-many');
  });

  it('refuses a text that opens more blockquotes and list items than the budget, once', () => {
    const problems = checkMarkdownLimits(Array.from({ length: 1200 }, () => '> quoted').join('\n\n'));
    assert.deepEqual(problems.map((p) => [p.ruleId, p.line]), [['blocks-too-many', 2001]]);
    assert.deepEqual(checkMarkdownLimits(Array.from({ length: 200 }, (_, i) => `- item ${i}`).join('\n')), []);
  });
});
