import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { noteHtmlOf, storedArticle, DROPPED_CLAIM_FIELDS, DROPPED_ARTICLE_FIELDS } from '../../src/content/stored-article.ts';
import { articleHtmlOf } from '../../src/content/article-html.ts';
import type { RenderedArticle } from '../../src/pipeline/types.ts';

const claim = {
  id: 'c', number: 1, kind: 'fact', rating: 'accurate', summary: 'S.', passage: 'x', start: 0, end: 1, blockHtml: '<p>x</p>',
  quote: 'x', prefix: 'p', suffix: 's', note: '*md*', noteHtml: '<p>md</p>', textBefore: 'a', textAfter: 'b',
  blockId: 'p-x', topics: [], sourceIds: [],
};
const bodyHtml = '<p>x</p><aside><section id="note-c"><p>S.</p><div class="note-body"><p>md</p></div></section></aside>';
const article = { slug: 'a', warnings: [], bodyHtml, headNotesHtml: '', text: 'x', sources: [], claims: [claim] } as unknown as RenderedArticle;

describe('storedArticle', () => {
  it('drops exactly the listed fields, keeping the rest and their order', () => {
    const stored = storedArticle(article, '/cache/article-html/a.d.json') as unknown as Record<string, unknown> & { claims: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(stored), ['sources', 'htmlFile', 'claims']);
    assert.equal(stored.htmlFile, '/cache/article-html/a.d.json');
    for (const field of DROPPED_ARTICLE_FIELDS) assert.ok(!(field in stored), field);
    assert.deepEqual(Object.keys(stored.claims[0]!), ['id', 'number', 'kind', 'rating', 'summary', 'passage', 'start', 'end', 'topics', 'sourceIds', 'noteAt']);
    for (const field of DROPPED_CLAIM_FIELDS) assert.ok(!(field in stored.claims[0]!), field);
    assert.equal((article.claims[0] as unknown as Record<string, unknown>).note, '*md*', 'the rendered article is left as it was');
  });

  it('keeps where each note stands in the article instead of its HTML again', () => {
    const stored = storedArticle(article);
    assert.equal(noteHtmlOf(articleHtmlOf(article), stored.claims[0]!), '<p>md</p>');
    const head = { ...article, bodyHtml: '<p>x</p>', headNotesHtml: bodyHtml.slice('<p>x</p>'.length) } as RenderedArticle;
    assert.equal(noteHtmlOf(head, storedArticle(head).claims[0]!), '<p>md</p>', 'a note on the headline');
    const missing = { ...article, bodyHtml: '<p>x</p>' } as RenderedArticle;
    assert.throws(() => storedArticle(missing), /the note of claim "c" in article "a" is not in the article's HTML/);
  });
});
