/**
 * One badge for a claim's rating, wherever it is drawn: a note's heading (rehype-claim-markup),
 * the ledger, claim and about pages (RatingBadge.astro, through rating-badge.ts) and a search
 * result (search-render.ts) show the same symbol and word for every kind and rating, an unrated
 * claim's "Not rated" included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { ratingBadge } from '../../src/components/rating-badge.ts';
import { CLAIM_KINDS, RATINGS, isUnratedKind, type ClaimKind, type Rating } from '../../src/model/claims.ts';
import { KIND_LABEL, RATING_LABEL } from '../../src/model/labels.ts';
import { renderArticle } from '../../src/pipeline/render-article.ts';

type Case = { id: string; kind: ClaimKind; rating?: Rating };
const cases: Case[] = CLAIM_KINDS.flatMap((kind): Case[] =>
  isUnratedKind(kind) ? [{ id: kind, kind }] : RATINGS.map((rating) => ({ id: `${kind}-${rating}`, kind, rating })),
);

/** What a badge says, with its symbol apart: "“ Not rated" → ["“", "Not rated"]. */
type Shown = [symbol: string, word: string];

function noteBadges(): Map<string, Shown> {
  const body = cases.map((c) => `Claim ${c.id} stands here.`).join('\n\n');
  const claims = cases.map((c) => `  - id: ${c.id}\n    quote: Claim ${c.id} stands here.\n    kind: ${c.kind}\n${c.rating ? `    rating: ${c.rating}\n` : ''}    summary: S.\n    note: N.\n`);
  const article = renderArticle({
    slug: 'badges',
    articleFile: 'article.md',
    articleSource: `---\ntitle: Badges\nauthor:\n  name: A\npublished: 2024-01-01\npublisher: P\n---\n\n${body}\n`,
    annotationsFile: 'annotations.yaml',
    annotationsSource: `claims:\n${claims.join('')}`,
  });
  const shown = new Map<string, Shown>();
  for (const c of cases) {
    const badge = new RegExp(`id="note-${c.id}"[^]*?<span class="badge"[^>]*><span aria-hidden="true">([^<]*)</span> ([^<]*)</span>`).exec(article.bodyHtml);
    assert.ok(badge, `the note of ${c.id} has a badge`);
    shown.set(c.id, [badge[1]!, badge[2]!]);
  }
  return shown;
}

async function searchBadge(kind: ClaimKind, rating?: Rating): Promise<Shown> {
  const { document, Node, HTMLElement } = parseHTML('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { document, Node, HTMLElement });
  const { renderResult } = await import('../../src/scripts/search-render.ts');
  // A claim page's metadata as Pagefind gives it ([claim].astro): the kind's word, and the
  // rating's word or, unrated, the kind's again.
  const li = renderResult({ url: '/x/', meta: { kind: KIND_LABEL[kind], rating: rating ? RATING_LABEL[rating] : KIND_LABEL[kind], title: 'q' } });
  const badge = li.querySelector('.badge')!;
  const symbol = badge.querySelector('.badge-symbol')!.textContent!;
  return [symbol, badge.textContent!.slice(symbol.length).trim()];
}

test('a note, a page and a search result show the same badge for every kind and rating', async () => {
  const notes = noteBadges();
  for (const c of cases) {
    const page = ratingBadge(c.kind, c.rating);
    const search = await searchBadge(c.kind, c.rating);
    assert.deepEqual([page.symbol, page.word], notes.get(c.id), `${c.id}: page badge and note badge`);
    assert.deepEqual(search, notes.get(c.id), `${c.id}: search result badge and note badge`);
  }
  assert.deepEqual(notes.get('opinion'), ['“', 'Not rated'], 'an unrated claim\'s badge says it is not rated; its kind is said beside it');
});
