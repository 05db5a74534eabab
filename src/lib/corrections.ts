/**
 * Every correction of an article and its claims, in one list: what the article page's
 * "Corrections" section and the site's Atom feed (/corrections.xml) show.
 */
import { Feed } from 'feed';
import type { StoredClaim, StoredArticle } from '../content/stored-article.ts';
import { describeChange } from '../pipeline/history-text.ts';
import type { HistoryEntry } from '../pipeline/types.ts';

export interface Correction {
  date: string;
  entry: HistoryEntry;
  /** The claim corrected; undefined for the article's own notes. */
  claim?: Pick<StoredClaim, 'id' | 'number' | 'passage' | 'summary'>;
  /** The entry's place in its history (0 = oldest): with the claim id, a stable address. */
  index: number;
}

/** The article's corrections, newest first; on the same day, the article's own first, then claims in text order. */
export function articleCorrections(article: Pick<StoredArticle, 'history' | 'claims'>): Correction[] {
  const all: Correction[] = [
    ...(article.history ?? []).map((entry, index) => ({ date: entry.date, entry, index })),
    ...article.claims.flatMap((claim) =>
      (claim.history ?? []).map((entry, index) => ({
        date: entry.date,
        entry,
        index,
        claim: { id: claim.id, number: claim.number, passage: claim.passage, summary: claim.summary },
      })),
    ),
  ];
  // Array.prototype.sort is stable: ties keep the order above.
  return all.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** "Claim 3: rating changed from Mostly accurate to Missing context", or "The article's notes: assessment revised". */
export function correctionTitle(correction: Correction): string {
  const change = describeChange(correction.entry);
  const what = correction.claim ? `Claim ${correction.claim.number}` : 'The article’s notes';
  return `${what}: ${change.charAt(0).toUpperCase()}${change.slice(1)}`;
}

export interface FeedArticle {
  slug: string;
  article: Pick<StoredArticle, 'history' | 'claims' | 'frontmatter' | 'checked'>;
}

export interface FeedInput {
  articles: FeedArticle[];
  siteName: string;
  /** Absolute URLs. */
  siteUrl: string;
  feedUrl: string;
  articleUrl: (slug: string) => string;
  claimUrl: (slug: string, claimId: string) => string;
}

/**
 * The Atom feed of every correction on the site, newest first. Its `updated` is the latest
 * correction's date (or the latest check or publication when there is none yet), never the time
 * of the build, so the same content gives the same bytes.
 */
export function correctionsFeed(input: FeedInput): string {
  const items = input.articles.flatMap((item) =>
    articleCorrections(item.article).map((correction) => ({ item, correction })),
  );
  items.sort((a, b) => (a.correction.date < b.correction.date ? 1 : a.correction.date > b.correction.date ? -1 : 0));
  const fallback = input.articles.flatMap((a) => [a.article.checked ?? '', a.article.frontmatter.published]).sort().at(-1);
  const updated = items[0]?.correction.date ?? (fallback || '1970-01-01');

  const feed = new Feed({
    id: input.feedUrl,
    title: `${input.siteName}: corrections`,
    description: 'Every correction to a rating, note or claim, with the date and the reason.',
    link: input.siteUrl,
    feedLinks: { atom: input.feedUrl },
    language: 'en',
    updated: day(updated),
    author: { name: input.siteName, link: input.siteUrl },
    copyright: `Notes © ${input.siteName}`,
  });
  for (const { item, correction } of items) {
    const { slug, article } = item;
    const page = correction.claim ? input.claimUrl(slug, correction.claim.id) : input.articleUrl(slug);
    const place = correction.claim ? `${correction.claim.id}-${correction.index + 1}` : `article-${correction.index + 1}`;
    const about = correction.claim ? `“${correction.claim.passage}”, in ` : '';
    feed.addItem({
      // An entry is never rewritten, only added: its claim and place in the history name it for good.
      id: `${input.articleUrl(slug)}#correction-${place}`,
      link: correction.claim ? `${page}#history` : `${page}#corrections`,
      title: escapeHtml(`${correctionTitle(correction)} (${article.frontmatter.title})`),
      description: escapeHtml(`${about}“${article.frontmatter.title}”. ${correction.entry.why}`),
      date: day(correction.date),
      published: day(correction.date),
    });
  }
  return feed.atom1();
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The feed library puts titles and summaries in as HTML: text must be escaped. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
