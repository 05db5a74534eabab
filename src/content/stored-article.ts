/**
 * What the content store keeps of a rendered article: only what a page, component or endpoint
 * reads (src/pages, src/components, src/lib). Astro serialises the store, reads it back and
 * bundles it into the build, so every byte of it costs on every build, cold or warm.
 *
 * Dropped, because nothing reads them once the article is rendered:
 * - `slug` (the entry's id) and `warnings` (the loader logs them);
 * - per claim, the annotations as written — `quote`, `prefix`, `suffix` (the pages use `passage`,
 *   `start`/`end` and their own TextQuoteSelector from `text`) and `note`, the Markdown source
 *   (its HTML is `noteHtml`) — and `textBefore`, `textAfter` and `blockId`.
 * - per claim, `noteHtml`: the note is already in the article's HTML (in its aside, `bodyHtml`, or
 *   the headline's, `headNotesHtml`), so the store keeps where (`noteAt`) and `noteHtmlOf` cuts it
 *   out for claim pages and exports. Storing it twice was a fifth of the store.
 * Moved out, to a file per article that only the pages rendering it read (./article-html.ts):
 * `bodyHtml`, `headNotesHtml`, `text` and, per claim, `blockHtml`; the entry keeps the file's
 * path, `htmlFile`.
 * Kept: everything else.
 *
 * The collection is typed `StoredArticle`, and the pages, components and src/lib with it, so a
 * page that starts reading a dropped field fails `astro check`: keep the field here instead.
 * CONTENT_STORE_FULL=1 stores the whole article and writes no file; tests/integration/render-pool.test.ts builds
 * the fixtures both ways and requires the same site.
 */
import type { RenderedArticle, RenderedClaim } from '../pipeline/types.ts';
import type { ArticleHtml } from './article-html.ts';

export const DROPPED_CLAIM_FIELDS = ['quote', 'prefix', 'suffix', 'note', 'textBefore', 'textAfter', 'blockId', 'noteHtml', 'blockHtml'] as const;
export const DROPPED_ARTICLE_FIELDS = ['slug', 'warnings', 'bodyHtml', 'headNotesHtml', 'text'] as const;

/** Where a claim's note HTML stands in its article's HTML: `bodyHtml` or `headNotesHtml`, [start, end). */
export interface NoteAt {
  in: 'body' | 'head';
  start: number;
  end: number;
}

export type StoredClaim = Omit<RenderedClaim, (typeof DROPPED_CLAIM_FIELDS)[number]> & { noteAt: NoteAt };
export type StoredArticle = Omit<RenderedArticle, (typeof DROPPED_ARTICLE_FIELDS)[number] | 'claims'> & {
  claims: StoredClaim[];
  /** The file with the article's HTML, text and claim blocks (./article-html.ts); none under CONTENT_STORE_FULL=1. */
  htmlFile?: string;
};

/** A claim's note as HTML (sanitised; citations link to `#source-<n>`), from its article's HTML. */
export function noteHtmlOf(article: Pick<ArticleHtml, 'bodyHtml' | 'headNotesHtml'>, claim: Pick<StoredClaim, 'noteAt'>): string {
  const { in: where, start, end } = claim.noteAt;
  return (where === 'body' ? article.bodyHtml : article.headNotesHtml).slice(start, end);
}

/** Finds the note's HTML after the note's own section id (rehype-claim-markup puts the note there). */
function noteAt(article: RenderedArticle, claim: RenderedClaim): NoteAt {
  for (const where of ['body', 'head'] as const) {
    const html = where === 'body' ? article.bodyHtml : article.headNotesHtml;
    const section = html.indexOf(` id="note-${claim.id}"`);
    if (section === -1) continue;
    const start = html.indexOf(claim.noteHtml, section);
    if (start !== -1) return { in: where, start, end: start + claim.noteHtml.length };
  }
  throw new Error(`the note of claim "${claim.id}" in article "${article.slug}" is not in the article's HTML`);
}

/** A shallow copy of `value` without `keys`: the lists above are the one place that names them. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Whether entries keep the whole article (CONTENT_STORE_FULL=1), as before the store was made small. */
export const storeFull = (): boolean => process.env.CONTENT_STORE_FULL === '1';

/** The entry's article; `htmlFile` is where the loader wrote the parts left out (none when storeFull()). */
export function storedArticle(article: RenderedArticle, htmlFile?: string): StoredArticle {
  if (storeFull()) return { ...article, claims: article.claims.map((claim) => ({ ...claim, noteAt: noteAt(article, claim) })) };
  return {
    ...without(article, [...DROPPED_ARTICLE_FIELDS, 'claims']),
    htmlFile,
    claims: article.claims.map((claim) => ({ ...without(claim, DROPPED_CLAIM_FIELDS), noteAt: noteAt(article, claim) })),
  };
}
