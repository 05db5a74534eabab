/**
 * Hostile and odd content (issue "Hardening, round two"): each case ends in a safe, correct page
 * or in a clear error naming the file, line and claim — never a crash, a stall or a wrong page.
 * Each case is a small folder rendered with `renderArticle`, the function the loader calls.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContentError, formatMessage } from '../../src/pipeline/messages.ts';
import { renderArticle } from '../../src/pipeline/render-article.ts';
import type { RenderedArticle } from '../../src/pipeline/types.ts';

const FRONT = `---
title: A Plain Title
author:
  name: A. Writer
published: 2022-06-27
publisher: Example Press
---
`;
const BODY = '\nThe harbour reopened on 1 May.\n';
const CLAIM = (note: string) => `claims:
  - id: reopening
    quote: reopened on 1 May
    kind: fact
    rating: accurate
    summary: It did.
    note: |
${note.split('\n').map((line) => `      ${line}`).join('\n')}
`;

export function render(article: string, annotations: string): RenderedArticle {
  return renderArticle({
    slug: 'x',
    articleFile: 'content/articles/x/article.md',
    articleSource: article,
    annotationsFile: 'content/articles/x/annotations.yaml',
    annotationsSource: annotations,
  });
}

/** The printed messages of the ContentError that rendering must stop with. */
export function refusal(article: string, annotations: string): string[] {
  try {
    render(article, annotations);
  } catch (error) {
    if (error instanceof ContentError) return error.messages.map(formatMessage);
    throw error;
  }
  assert.fail('rendered, but should have stopped with a content error');
}

describe('deep nesting and delimiter runs (bounded work)', () => {
  it('a note of thousands of nested blockquotes is refused at the note, naming the claim', () => {
    const messages = refusal(FRONT + BODY, CLAIM(`Fine.\n\n${'>'.repeat(3000)} deep`));
    assert.deepEqual(messages, [
      'content/articles/x/annotations.yaml:7:5: error: claim "reopening": note, its line 3: Markdown nests 3000 levels deep here (blockquotes, lists and indentation); the most allowed is 32 [nesting-too-deep]',
    ]);
  });

  it('deeply nested lists and emphasis in a note are refused too', () => {
    assert.match(refusal(FRONT + BODY, CLAIM(`${'- '.repeat(2000)}a`)).join('\n'), /\[nesting-too-deep\]/);
    assert.match(refusal(FRONT + BODY, CLAIM(`${'*a '.repeat(2000)}b${'*'.repeat(2000)}`)).join('\n'), /claim "reopening".*\[delimiters-too-many\]/);
  });

  it('an article body nested too deep is refused at its line in article.md', () => {
    const messages = refusal(`${FRONT}${BODY}\n${'>'.repeat(3000)} deep\n`, '');
    assert.deepEqual(messages, [
      'content/articles/x/article.md:11:1: error: Markdown nests 3000 levels deep here (blockquotes, lists and indentation); the most allowed is 32 [nesting-too-deep]',
    ]);
  });

  it('alternating emphasis delimiters are refused before they are parsed, quickly', () => {
    const started = performance.now();
    const messages = refusal(`${FRONT}${BODY}\n${'*a_'.repeat(10_000)}\n`, CLAIM('*a_'.repeat(5_000)));
    // Parsing these would take tens of seconds; refusing them is a scan of the text.
    assert.ok(performance.now() - started < 5_000, 'refused without parsing');
    // The body is refused before anything else is parsed, so the note's problem waits its turn.
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /^content\/articles\/x\/article\.md:11:1: error: the paragraph starting here has more than 300 emphasis marks .* \[delimiters-too-many\]$/);
    assert.match(refusal(FRONT + BODY, CLAIM('*a_'.repeat(5_000))).join('\n'), /annotations\.yaml:7:5: error: claim "reopening": note, its line 1: the paragraph/);
  });
});

describe('images in the article', () => {
  it('are not shown: javascript:, data: and external images become their alt text, each with a warning', () => {
    const body = '\nA chart ![the rise](javascript:alert(1)) and ![](data:image/png;base64,AAAA) and ![pixel](https://tracker.example/p.gif).\n\nThe harbour reopened on 1 May.\n';
    const article = render(FRONT + body, '');
    assert.doesNotMatch(article.bodyHtml, /<img|javascript:|data:image|tracker\.example/);
    assert.match(article.bodyHtml, /A chart the rise and  and pixel\./);
    assert.deepEqual(article.warnings.map(formatMessage), [
      'content/articles/x/article.md:9:9: warning: image "javascript:alert(1)" is not shown; its alt text "the rise" stands in its place [image]',
      'content/articles/x/article.md:9:46: warning: image "data:image/png;base64,AAAA" is not shown; it has no alt text, so nothing stands in its place: describe it in words [image]',
      'content/articles/x/article.md:9:82: warning: image "https://tracker.example/p.gif" is not shown; its alt text "pixel" stands in its place [image]',
    ]);
  });

  it('a claim around an image marks its alt text, on the article and on the claim page', () => {
    const article = render(`${FRONT}\nThe map ![showing the islands](/map.png) is old.\n`, `claims:
  - id: map
    quote: The map showing the islands is old.
    kind: opinion
    summary: A view.
    note: A view.
`);
    const claim = article.claims[0]!;
    assert.equal(claim.blockHtml, '<p><mark>The map showing the islands is old.</mark></p>');
    assert.doesNotMatch(article.bodyHtml, /<img/);
  });
});

describe('smaller ones', () => {
  it('front matter fields have length limits', () => {
    const messages = refusal(FRONT.replace('A Plain Title', 'T'.repeat(240_000)) + BODY, '');
    assert.deepEqual(messages, ['content/articles/x/article.md:2:1: error: field "title": is 240000 characters long; the most allowed is 300 [field-type]']);
  });

  it('an article whose body is only raw HTML is the body-empty error', () => {
    const messages = refusal(`${FRONT}\n<div><p>Only HTML</p></div>\n`, '');
    assert.ok(messages.includes('content/articles/x/article.md:8:1: error: the article has no text after the front matter, only raw HTML or link definitions, which are not shown [body-empty]'), messages.join('\n'));
  });

  it('a second top-level claims: is a YAML error at its own line, not blamed on another claim', () => {
    const annotations = `${CLAIM('A note.')}claims:\n  - id: later\n    quote: nowhere\n`;
    const messages = refusal(FRONT + BODY, annotations);
    assert.match(messages[0]!, /^content\/articles\/x\/annotations\.yaml:9:1: error: .*claims.*given twice.* \[yaml-syntax\]$/);
  });

  it('links in notes to //other.host or relative paths are shown as text, with a warning', () => {
    const article = render(FRONT + BODY, CLAIM('See [the other host](//other.example/x), [a page](../about/), [a claim](#claim-y) and [a real one](https://example.org/).'));
    const note = article.claims[0]!.noteHtml;
    assert.doesNotMatch(note, /other\.example|href="\.\.|href="#claim/);
    assert.match(note, /<a href="https:\/\/example\.org\/" rel="noopener noreferrer">a real one<\/a>/);
    assert.deepEqual(article.warnings.map(formatMessage), [
      'content/articles/x/annotations.yaml:7:5: warning: claim "reopening": link to `//other.example/x` is not an absolute http(s) or mailto address; shown as plain text [url-scheme]',
      'content/articles/x/annotations.yaml:7:5: warning: claim "reopening": link to `../about/` is not an absolute http(s) or mailto address; shown as plain text [url-scheme]',
      'content/articles/x/annotations.yaml:7:5: warning: claim "reopening": link to `#claim-y` is not an absolute http(s) or mailto address; shown as plain text [url-scheme]',
    ]);
  });

  it('quote-not-found names a zero-width space, a soft hyphen or a decomposed accent', () => {
    const quote = (q: string) => CLAIM('A note.').replace('quote: reopened on 1 May', `quote: "${q}"`);
    assert.match(refusal(FRONT + BODY, quote('reopened\u200B on 1 May')).join('\n'), /the quote holds an invisible U\+200B ZERO WIDTH SPACE after "reopened"/);
    assert.match(refusal(FRONT + '\nThe harbour re\u00ADopened on 1 May.\n', quote('reopened on 1 May')).join('\n'), /the text holds an invisible U\+00AD SOFT HYPHEN after "re"/);
    assert.match(refusal(FRONT + '\nThe cafe\u0301 reopened.\n', quote('café reopened')).join('\n'), /an accent written as a separate character \(U\+0301 after "cafe"\)/);
  });
});
