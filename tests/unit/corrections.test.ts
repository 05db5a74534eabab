/**
 * Corrections, replies and the report link outside the pipeline: the build-time contact
 * (src/lib/report.ts), the article's list and the site's Atom feed (src/lib/corrections.ts),
 * dateModified in ClaimReview and replies in the W3C export.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from 'hast-util-to-html';
import { noteRecord } from '../../src/pipeline/note-record.ts';
import type { HistoryEntry } from '../../src/pipeline/types.ts';
import { contactHref, fillReportLinks, reportContact, reportHref } from '../../src/lib/report.ts';
import { articleCorrections, correctionsFeed } from '../../src/lib/corrections.ts';
import { claimReview } from '../../src/lib/claim-review.ts';
import { annotationCollection } from '../../src/lib/web-annotation.ts';

const CLAIM_URL = 'https://x.test/articles/a/claims/c/';

describe('the report contact', () => {
  it('is nothing when neither variable is set', () => {
    assert.equal(reportContact({}), undefined);
    assert.equal(reportContact({ REPORT_URL: ' ', REPORT_EMAIL: '' }), undefined);
  });

  it('fills the claim address, encoded, into a form URL', () => {
    const contact = reportContact({ REPORT_URL: 'https://forms.example.org/report?claim={url}' })!;
    assert.equal(reportHref(contact, CLAIM_URL, 'S'), 'https://forms.example.org/report?claim=https%3A%2F%2Fx.test%2Farticles%2Fa%2Fclaims%2Fc%2F');
  });

  it('writes a mailto with the claim in the subject and its address in the body', () => {
    const contact = reportContact({ REPORT_EMAIL: 'editors@example.org' })!;
    const href = new URL(reportHref(contact, CLAIM_URL, 'Rounded down & more'));
    assert.equal(href.protocol, 'mailto:');
    assert.equal(href.pathname, 'editors@example.org');
    assert.equal(href.searchParams.get('subject'), 'Problem with a claim: Rounded down & more');
    assert.match(href.searchParams.get('body')!, /Claim: https:\/\/x\.test\/articles\/a\/claims\/c\//);
    assert.equal(contactHref(contact, 'https://x.test/about/'), 'mailto:editors@example.org');
  });

  it('prefers the form when both are set', () => {
    assert.equal(reportContact({ REPORT_URL: 'https://f.example/{url}', REPORT_EMAIL: 'e@example.org' })?.kind, 'form');
  });

  it('stops the build on a value that cannot work', () => {
    assert.throws(() => reportContact({ REPORT_URL: 'https://forms.example.org/report' }), /must contain \{url\}/);
    assert.throws(() => reportContact({ REPORT_URL: 'javascript:alert(1)//{url}' }), /http:\/\/ or https:\/\//);
    assert.throws(() => reportContact({ REPORT_EMAIL: 'editors at example.org' }), /one e-mail address/);
  });
});

describe('report links under the notes', () => {
  const html = ['a', 'b'].map((id) => noteRecord({ id }).map((el) => toHtml(el)).join('')).join('<p>text</p>');
  const claim = (id: string) => ({ url: `https://x.test/articles/a/claims/${id}/`, summary: `Summary ${id}`, number: id === 'a' ? 1 : 2 });

  it('become links to the contact, one per note, told apart for screen readers', () => {
    const filled = fillReportLinks(html, reportContact({ REPORT_URL: 'https://f.example/r?u={url}' }), claim);
    assert.equal(
      filled,
      '<p class="note-report"><a href="https://f.example/r?u=https%3A%2F%2Fx.test%2Farticles%2Fa%2Fclaims%2Fa%2F" rel="noopener noreferrer">Report a problem with this claim<span class="sr-only"> 1</span></a></p>' +
        '<p>text</p>' +
        '<p class="note-report"><a href="https://f.example/r?u=https%3A%2F%2Fx.test%2Farticles%2Fa%2Fclaims%2Fb%2F" rel="noopener noreferrer">Report a problem with this claim<span class="sr-only"> 2</span></a></p>',
    );
  });

  it('escape the mailto for the attribute', () => {
    const filled = fillReportLinks(html, reportContact({ REPORT_EMAIL: 'e@example.org' }), claim);
    assert.match(filled, /href="mailto:e@example\.org\?subject=Problem%20with%20a%20claim%3A%20Summary%20a&amp;body=/);
    assert.doesNotMatch(filled, /rel=/);
  });

  it('leave nothing behind when no contact is set', () => {
    assert.equal(fillReportLinks(html, undefined, claim), '<p>text</p>');
  });
});

const rating: HistoryEntry = { date: '2026-12-01', changed: 'rating', from: 'mostly-accurate', to: 'misleading', why: 'Too gentle <for> the record & its notes.' };
const claims = [
  { id: 'first', number: 1, passage: 'first passage', summary: 'S1', history: [{ date: '2026-11-28', changed: 'note', why: 'Clearer.' } as HistoryEntry] },
  { id: 'second', number: 2, passage: 'second passage', summary: 'S2', history: [{ date: '2026-11-26', changed: 'added', why: 'New.' } as HistoryEntry, rating] },
];
const article = {
  history: [{ date: '2026-12-01', changed: 'assessment', why: 'Follows the new rating.' } as HistoryEntry],
  claims,
  frontmatter: { title: 'A & B', published: '2022-06-27' },
  checked: '2026-12-01',
} as never;

describe('the list of corrections', () => {
  it('is newest first; on one day the article’s own first, then claims in text order', () => {
    const list = articleCorrections(article);
    assert.deepEqual(list.map((c) => [c.date, c.claim?.id ?? 'article', c.entry.changed]), [
      ['2026-12-01', 'article', 'assessment'],
      ['2026-12-01', 'second', 'rating'],
      ['2026-11-28', 'first', 'note'],
      ['2026-11-26', 'second', 'added'],
    ]);
  });
});

describe('the corrections feed', () => {
  const input = {
    articles: [{ slug: 'a', article }],
    siteName: 'Critical Edition',
    siteUrl: 'https://x.test/',
    feedUrl: 'https://x.test/corrections.xml',
    articleUrl: (slug: string) => `https://x.test/articles/${slug}/`,
    claimUrl: (slug: string, id: string) => `https://x.test/articles/${slug}/claims/${id}/`,
  };
  const xml = correctionsFeed(input);

  it('is Atom, dated by its latest correction, not by the build', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(xml, /<updated>2026-12-01T00:00:00.000Z<\/updated>\n\s*<generator>/);
    assert.equal(correctionsFeed(input), xml);
  });

  it('has one entry per correction, with a stable id, a link to the claim’s history and the reason, escaped', () => {
    const entries = xml.split('<entry>').slice(1);
    assert.equal(entries.length, 4);
    const second = entries[1]!;
    assert.match(second, /<id>https:\/\/x.test\/articles\/a\/#correction-second-2<\/id>/);
    assert.match(second, /<link href="https:\/\/x.test\/articles\/a\/claims\/second\/#history"\/>/);
    assert.match(second, /Claim 2: Rating changed from Mostly accurate to Misleading \(A &amp; B\)/);
    assert.match(second, /Too gentle &lt;for&gt; the record &amp; its notes\./);
  });
});

describe('dates and replies in the exports', () => {
  const fm = { title: 'T', author: { name: 'A. Writer' }, published: '2022-06-27', publisher: 'P', lang: 'en' };
  // The store keeps where the note stands in the article's HTML (noteAt), not the note again.
  const bodyHtml = '<p>the quote</p><p>n</p>';
  const base = { kind: 'fact', rating: 'misleading', passage: 'the quote', summary: 's', noteHtml: '<p>n</p>', noteAt: { in: 'body', start: 16, end: 24 }, topics: [], sourceIds: [], number: 1, start: 0, end: 9, blockHtml: '', id: 'c' } as const;

  it('ClaimReview gives the latest correction as dateModified', () => {
    const review = claimReview({ claim: { ...base, history: [rating] } as never, frontmatter: fm, claimUrl: CLAIM_URL, siteName: 'CE', siteUrl: 'https://x.test/', reviewed: '2026-11-26', modified: '2026-12-01' })!;
    assert.equal(review.datePublished, '2026-11-26');
    assert.equal(review.dateModified, '2026-12-01');
  });

  it('the W3C export dates each claim and adds replies with the motivation "replying"', () => {
    const collection = annotationCollection({
      article: {
        frontmatter: fm as never,
        text: 'the quote',
        bodyHtml,
        headNotesHtml: '',
        checked: '2026-11-26',
        claims: [{ ...base, history: [rating], reply: { by: 'A. Writer', date: '2026-12-02', text: 'x' }, replyHtml: '<p>I disagree, see <a href="#source-1">this</a>.</p>' }] as never,
        reply: { by: 'P', date: '2026-12-03', html: '<p>We stand by it.</p>', url: 'https://p.example/reply' },
      },
      articleUrl: 'https://x.test/articles/a/',
      collectionUrl: 'https://x.test/articles/a/annotations.jsonld',
      claimPageUrl: (id) => `https://x.test/articles/a/claims/${id}/`,
      siteName: 'CE',
      siteUrl: 'https://x.test/',
    });
    const [claim, articleReply, claimReply] = collection.first.items as any[];
    assert.equal(collection.total, 3);
    assert.equal(claim.motivation, 'assessing');
    assert.equal(claim.modified, '2026-12-01');
    assert.equal(articleReply.motivation, 'replying');
    assert.equal(articleReply.target, 'https://x.test/articles/a/annotations.jsonld');
    assert.deepEqual(articleReply.creator, { type: 'Person', name: 'P' });
    assert.equal(articleReply.body[1].id, 'https://p.example/reply');
    assert.equal(claimReply.id, 'https://x.test/articles/a/annotations.jsonld#c-reply');
    assert.equal(claimReply.target, 'https://x.test/articles/a/annotations.jsonld#c');
    assert.equal(claimReply.created, '2026-12-02');
    assert.equal(claimReply.body[0].value, '<p>I disagree, see <a href="https://x.test/articles/a/#source-1">this</a>.</p>');
  });
});
