import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ContentError } from './messages.ts';
import { renderArticle } from './render-article.ts';
import type { RenderedArticle } from './types.ts';

const ARTICLE = `---
title: "Tokyo *Turns* Away"
subtitle: Why Japan froze Russian assets
author:
  name: A. Writer
published: 2022-06-27
publisher: Example Press
---

Tokyo froze assets and, [under pressure](#), condemned Moscow. See [the report](https://example.org/report).

## The islands

The islands are claimed by Tokyo. Another [link](https://example.org/report) here.

<div>raw html</div>
`;

const ANNOTATIONS = `sources:
  second:
    title: Second source
    publisher: Paper B
  first:
    title: First source
    publisher: Paper A
    url: https://a.example/
article:
  assessment: |
    Mostly fair [^second].
claims:
  - id: froze
    quote: "Tokyo froze assets and, under pressure, condemned Moscow"
    kind: fact
    rating: accurate
    summary: It did.
    note: |
      Assets were frozen [^first], see also [^second] and [^first].
  - id: pressure
    quote: under pressure
    kind: interpretation
    rating: misleading
    summary: Not quite.
    note: Pressure is contested [^second].
  - id: headline
    quote: Turns
    kind: opinion
    summary: A view.
    note: A headline verb.
  - id: islands
    quote: "The islands are claimed by Tokyo"
    kind: fact
    rating: accurate
    summary: They are.
    note: Japan claims them [^first].
`;

function render(articleSource = ARTICLE, annotationsSource = ANNOTATIONS): RenderedArticle {
  return renderArticle({
    slug: 'test',
    articleFile: 'content/articles/test/article.md',
    articleSource,
    annotationsFile: 'content/articles/test/annotations.yaml',
    annotationsSource,
  });
}

function fullPage(article: RenderedArticle): string {
  return [
    `<h1 id="title">${article.titleHtml}</h1>`,
    `<p id="subtitle">${article.subtitleHtml ?? ''}</p>`,
    article.headNotesHtml,
    article.bodyHtml,
    article.assessmentHtml ?? '',
  ].join('\n');
}

const idsOf = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);

describe('renderArticle', () => {
  const article = render();

  it('numbers claims in reading order, the order of their markers: headline first, inner before outer', () => {
    assert.deepEqual(
      article.claims.map((c) => [c.number, c.id, c.parentId]),
      [
        [1, 'headline', undefined],
        [2, 'pressure', 'froze'],
        [3, 'froze', undefined],
        [4, 'islands', undefined],
      ],
    );
    const markers = [...article.bodyHtml.matchAll(/<span class="claim-marker-n">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    assert.deepEqual(markers, [2, 3, 4]);
  });

  it('marks each claim with a labelled marker and a note', () => {
    assert.match(article.bodyHtml, /aria-label="Note 3: Fact, rated accurate"/);
    assert.match(article.bodyHtml, /aria-label="Note 2: Interpretation, rated misleading"/);
    assert.match(article.bodyHtml, /<section class="note" id="note-froze"/);
    assert.match(article.bodyHtml, /<\/p><aside class="claim-notes" aria-label="Notes 2 and 3 on this paragraph"/);
  });

  it('keeps the headline’s notes out of the h1', () => {
    assert.equal(
      article.titleHtml.replace(/<span class="sr-only"[^]*?<\/span>|<a class="claim-marker"[^]*?<\/a>/g, '').replace(/<[^>]+>/g, ''),
      'Tokyo Turns Away',
    );
    assert.match(article.titleHtml, /<span class="claim" id="claim-headline"[^>]*><span class="sr-only"[^>]*>[^<]*<\/span><em>Turns<\/em>/);
    assert.doesNotMatch(article.titleHtml, /<aside/);
    assert.match(article.headNotesHtml, /^<aside class="claim-notes" aria-label="Note 1 on the headline"/);
    assert.equal(article.subtitleHtml, 'Why Japan froze Russian assets');
    assert.doesNotMatch(article.bodyHtml, /id="title"|id="subtitle"/);
  });

  it('numbers sources by first citation across notes, then the author’s links', () => {
    assert.deepEqual(
      article.sources.map((s) => [s.number, s.id, s.origin]),
      [
        [1, 'second', 'annotation'],
        [2, 'first', 'annotation'],
        [3, 'author-link-1', 'author-link'],
      ],
    );
    const [second, first, link] = article.sources;
    assert.deepEqual(first?.citedBy, [
      { claimId: 'froze', backrefId: 'cite-3-1' },
      { claimId: 'froze', backrefId: 'cite-3-3' },
      { claimId: 'islands', backrefId: 'cite-4-1' },
    ]);
    assert.deepEqual(second?.citedBy.map((c) => c.backrefId), ['cite-2-1', 'cite-3-2', 'ref-assessment-1']);
    assert.deepEqual(link, {
      id: 'author-link-1',
      title: 'the report',
      publisher: 'example.org',
      url: 'https://example.org/report',
      number: 3,
      origin: 'author-link',
      citedBy: [{ backrefId: 'ref-link-1' }, { backrefId: 'ref-link-2' }],
    });
    assert.deepEqual(article.claims.find((c) => c.id === 'froze')?.sourceIds, ['first', 'second']);
  });

  it('gives every back-ref id to exactly one element, and no id twice', () => {
    const page = fullPage(article);
    const ids = idsOf(page);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const source of article.sources) for (const { backrefId } of source.citedBy) assert.ok(ids.includes(backrefId), backrefId);
    for (const [, target] of page.matchAll(/href="#([^"]+)"/g)) {
      if (!target!.startsWith('source-')) assert.ok(ids.includes(target!), `#${target} points nowhere`);
    }
  });

  it('gives offsets into text that select each claim’s passage', () => {
    assert.ok(article.text.startsWith('Tokyo Turns Away\n\nWhy Japan froze Russian assets\n\nTokyo froze'));
    for (const claim of article.claims) assert.equal(article.text.slice(claim.start, claim.end), claim.passage);
  });

  it('gives each claim its block with only its passage marked', () => {
    const pressure = article.claims.find((c) => c.id === 'pressure')!;
    assert.equal(pressure.blockId, 'p-tokyo-froze-assets-and');
    assert.equal(
      pressure.blockHtml,
      '<p>Tokyo froze assets and, <mark>under pressure</mark>, condemned Moscow. See the report.</p>',
    );
  });

  it('does not render raw HTML in the article, and warns', () => {
    assert.doesNotMatch(article.bodyHtml, /<div>/);
    assert.ok(article.warnings.some((w) => w.ruleId === 'raw-html' && w.line === 16));
  });

  it('renders the article-level assessment', () => {
    assert.match(article.assessmentHtml ?? '', /Mostly fair <sup class="cite"><a href="#source-1" id="ref-assessment-1"/);
  });

  it('renders an article with no claims', () => {
    const plain = render(ARTICLE, 'sources: {}\nclaims: []\n');
    assert.deepEqual(plain.claims, []);
    assert.equal(plain.headNotesHtml, '');
    assert.doesNotMatch(plain.bodyHtml, /class="claim|<aside/);
    assert.equal(plain.sources.length, 1, 'only the author’s link');
  });

  it('renders with an empty annotations file', () => {
    const plain = render(ARTICLE, '');
    assert.deepEqual(plain.claims, []);
    assert.equal(plain.titleHtml, 'Tokyo <em>Turns</em> Away');
  });

  it('throws one ContentError with every problem, placed at the claim’s quote', () => {
    const broken = ANNOTATIONS.replace('quote: under pressure', 'quote: under duress').replace(
      'quote: "The islands are claimed by Tokyo"',
      'quote: "Tokyo"',
    );
    const article = ARTICLE.replace('publisher: Example Press\n', '');
    assert.throws(
      () => render(article, broken),
      (error: unknown) => {
        assert.ok(error instanceof ContentError);
        const rules = error.messages.map((m) => `${m.ruleId} ${m.subject ?? ''}`);
        assert.ok(rules.includes('quote-not-found pressure'), rules.join('; '));
        assert.ok(rules.includes('quote-ambiguous islands'), rules.join('; '));
        assert.ok(rules.includes('field-missing publisher'), rules.join('; '));
        assert.match(error.message, /^content\/articles\/test\/annotations\.yaml:\d+:\d+: error: claim "pressure": quote not found/m);
        const quoteLine = broken.split('\n').findIndex((line) => line.includes('quote: "Tokyo"')) + 1;
        assert.match(error.message, new RegExp(`annotations\\.yaml:${quoteLine}:5: error: claim "islands": quote matches 2 places`, 'm'));
        assert.match(error.message, /article\.md:\d+:\d+: error: .*publisher/);
        return true;
      },
    );
  });
});

describe('renderArticle on the seed article', () => {
  const dir = new URL('../../content/articles/japans-new-stance-on-russia/', import.meta.url);
  const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
  let seed: RenderedArticle | undefined;
  let failure: unknown;
  try {
    seed = renderArticle({
      slug: 'japans-new-stance-on-russia',
      articleFile: 'content/articles/japans-new-stance-on-russia/article.md',
      articleSource: read('article.md'),
      annotationsFile: 'content/articles/japans-new-stance-on-russia/annotations.yaml',
      annotationsSource: read('annotations.yaml'),
    });
  } catch (error) {
    failure = error;
  }

  it('renders without errors', () => {
    assert.equal(failure, undefined, failure instanceof Error ? failure.message : String(failure));
  });

  it('has no duplicate ids and no dangling in-page links', { skip: !seed }, () => {
    const page = fullPage(seed!);
    const ids = idsOf(page);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const [, target] of page.matchAll(/href="#([^"]+)"/g)) {
      if (!target!.startsWith('source-')) assert.ok(ids.includes(target!), `#${target} points nowhere`);
    }
  });

  it('numbers every claim and source once, and offsets select the passages', { skip: !seed }, () => {
    assert.deepEqual(seed!.claims.map((c) => c.number), seed!.claims.map((_, i) => i + 1));
    assert.deepEqual(seed!.sources.map((s) => s.number), seed!.sources.map((_, i) => i + 1));
    for (const claim of seed!.claims) assert.equal(seed!.text.slice(claim.start, claim.end), claim.passage);
    for (const claim of seed!.claims) assert.match(claim.blockHtml, /^<p>[^]*<mark>[^]*<\/mark>[^]*<\/p>$/);
  });

  it('renders the copy’s lost link as plain text', { skip: !seed }, () => {
    assert.match(seed!.text, /engagement and goals in the Pacific, and thus/);
    assert.doesNotMatch(seed!.bodyHtml, /href="#"/);
  });
});
