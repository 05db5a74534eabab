import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsCsv, csvField, csvRow, plainText } from '../../src/lib/csv.ts';
import { codePoints, positionSelector, quoteSelector } from '../../src/lib/web-annotation.ts';
import { claimReview, jsonForScript } from '../../src/lib/claim-review.ts';
import type { NoteAt } from '../../src/content/stored-article.ts';
import type { ArticleFrontmatter, RenderedClaim } from '../../src/pipeline/types.ts';

const fm: ArticleFrontmatter = {
  title: 'Headline',
  author: { name: 'A. Writer' },
  published: '2022-06-27',
  publisher: 'First Press',
  republished: [{ publisher: 'Second Site', date: '2022-06-28', url: 'https://second.example/copy' }],
  lang: 'en',
};

/** The article's HTML, holding the note that every claim() below points at with `noteAt`. */
const NOTE = '<p>See <sup class="cite"><a href="#source-2">2</a></sup>.</p>';
const bodyHtml = `<p>Text.</p><aside><section id="note-c"><div class="note-body">${NOTE}</div></section></aside>`;

function claim(extra: Partial<RenderedClaim> = {}): RenderedClaim & { noteAt: NoteAt } {
  return {
    noteAt: { in: 'body', start: bodyHtml.indexOf(NOTE), end: bodyHtml.indexOf(NOTE) + NOTE.length },
    id: 'c', quote: 'the quote', kind: 'fact', rating: 'misleading', summary: 'Short verdict.', note: 'n', topics: [],
    number: 1, passage: 'the quote', textBefore: '', textAfter: '', start: 0, end: 9, blockId: 'p-x',
    blockHtml: '<p><mark>the quote</mark></p>', noteHtml: NOTE, sourceIds: [],
    ...extra,
  };
}

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "no"'), '"say ""no"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(12), '12');
    assert.equal(csvField(undefined), '');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('@cmd'), "'@cmd");
    assert.equal(csvField(-1), '-1');
  });

  it('turns a note into plain text with numbered citations', () => {
    assert.equal(plainText('<p>One\nline <sup class="cite"><a href="#source-2" id="x">2</a></sup> &amp; more.</p>\n<p>Two &#x3C;b></p>'), 'One line [2] & more.\nTwo <b>');
  });

  it('writes a header and one CRLF-terminated row per claim', () => {
    const csv = claimsCsv({
      article: { claims: [claim(), claim({ id: 'd', number: 2, rating: undefined, kind: 'opinion', start: 11, end: 14, passage: 'abc' })], sources: [], text: 'the quote, abc', bodyHtml, headNotesHtml: '' },
      articleUrl: 'https://x.test/articles/a/',
      claimPageUrl: (id) => `https://x.test/articles/a/claims/${id}/`,
    });
    const lines = csv.split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '');
    assert.match(lines[0]!, /^number,id,kind,rating,quote,summary,note,/);
    assert.match(lines[2]!, /^2,d,Opinion,,abc,Short verdict\.,See \[2\]\.,,,,11,14,https:\/\/x\.test\/articles\/a\/claims\/d\/,https:\/\/x\.test\/articles\/a\/#claim-d$/);
    assert.equal(csvRow(['a', 'b']), 'a,b');
  });
});

describe('web annotation selectors', () => {
  it('lengthens prefix and suffix until the quote matches one place only', () => {
    const filler = 'x'.repeat(40);
    const text = `${filler} same words ${filler} same words ${filler}y`;
    const second = text.lastIndexOf('same words');
    const selector = quoteSelector(text, second, second + 'same words'.length);
    const needle = selector.prefix + selector.exact + selector.suffix;
    assert.equal(text.indexOf(needle), text.lastIndexOf(needle));
    assert.equal(text.indexOf(needle) + selector.prefix.length, second);
  });

  it('keeps 32 characters of context where that is enough, and stops at the text edges', () => {
    const text = 'a'.repeat(50) + 'QUOTE' + 'b'.repeat(50);
    const selector = quoteSelector(text, 50, 55);
    assert.deepEqual([selector.prefix.length, selector.exact, selector.suffix.length], [32, 'QUOTE', 32]);
    assert.deepEqual(quoteSelector('QUOTE', 0, 5), { type: 'TextQuoteSelector', exact: 'QUOTE', prefix: '', suffix: '' });
  });

  it('counts positions in code points, not UTF-16 units', () => {
    const text = '🙂 emoji then target';
    const start = text.indexOf('target');
    assert.deepEqual(positionSelector(text, start, start + 6), { type: 'TextPositionSelector', start: start - 1, end: start + 5 });
    assert.equal(codePoints('🙂a'), 2);
  });

  it('never cuts a surrogate pair in a prefix or suffix', () => {
    const text = `${'🙂'.repeat(40)}target${'🙂'.repeat(40)}`;
    const start = text.indexOf('target');
    const selector = quoteSelector(text, start, start + 6);
    assert.ok(!/^[\uDC00-\uDFFF]/.test(selector.prefix) && !/[\uD800-\uDBFF]$/.test(selector.suffix));
  });
});

describe('claimReview', () => {
  const input = { frontmatter: fm, claimUrl: 'https://x.test/articles/a/claims/c/', siteName: 'Critical Edition', siteUrl: 'https://x.test/', reviewed: '2026-11-26' };

  it('gives no ClaimReview for opinions and predictions', () => {
    assert.equal(claimReview({ ...input, claim: claim({ kind: 'opinion', rating: undefined }) }), undefined);
    assert.equal(claimReview({ ...input, claim: claim({ kind: 'prediction', rating: undefined }) }), undefined);
  });

  it('names the rating, the claim, its author and where it first appeared', () => {
    const review = claimReview({ ...input, claim: claim() })!;
    assert.equal(review['@type'], 'ClaimReview');
    assert.equal(review.claimReviewed, 'the quote');
    assert.equal(review.datePublished, '2026-11-26');
    assert.deepEqual(review.reviewRating, { '@type': 'Rating', name: 'Misleading', alternateName: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 });
    assert.equal(review.itemReviewed.author.name, 'A. Writer');
    assert.equal(review.itemReviewed.firstAppearance.publisher.name, 'First Press');
    assert.equal(review.itemReviewed.appearance.length, 2);
    assert.equal(review.itemReviewed.appearance[1]!.url, 'https://second.example/copy');
    assert.equal(review.author.name, 'Critical Edition');
  });

  it('puts no number on "unverifiable", and no date when the check date is unknown', () => {
    const review = claimReview({ ...input, reviewed: undefined, claim: claim({ rating: 'unverifiable' }) })!;
    assert.deepEqual(review.reviewRating, { '@type': 'Rating', name: 'Unverifiable', alternateName: 'Unverifiable' });
    assert.equal('datePublished' in review, false);
  });

  it('escapes "<" so the JSON cannot close its script element', () => {
    assert.equal(jsonForScript({ a: '</script>' }), '{"a":"\\u003c/script>"}');
  });
});
