/**
 * The ids the site's pages give their own elements (src/pages, src/components, src/layouts) and
 * the id patterns the pipeline makes. An article's headings must keep clear of all of them, or
 * a "## Claims" heading would take `id="claims"` from the claims list (remark-block-ids.ts).
 * tests/unit/page-ids.test.ts fails when a template uses an id that is not listed here.
 */

/** Whole ids used by the page templates. */
export const PAGE_IDS = [
  // Base layout and the search field in its header
  'main',
  'site-search-q',
  // Article page
  'title',
  'publication-heading',
  'verdict-heading',
  'problems-heading',
  'marks-key',
  'editors-notes',
  'subtitle',
  'assessment-heading',
  'context-heading',
  'endnotes-heading',
  'claims',
  'claims-heading',
  'sources-heading',
  'sources-cited',
  'sources-author',
  // Corrections and replies (article page, claim page, about page)
  'corrections',
  'corrections-heading',
  'corrections-and-replies',
  'history',
  'history-heading',
  'reply',
  'reply-heading',
  // Claim page
  'note-heading',
  'article-heading',
  // Search and about pages
  'search-q',
  'search-hint',
  'downloads',
  'kinds',
  'ratings',
  // Made by unified itself (GFM footnotes), and names kept free for the page
  'footnote-label',
  'sources',
  'content',
  'notes',
] as const;

/** Prefixes of ids made per item: blocks, claims, notes, markers, sources, citations, cards, search results. */
export const PAGE_ID_PREFIXES = ['p-', 'h-', 'cell-', 'claim-', 'note-', 'marker-', 'source-', 'cite-', 'ref-', 'fn', 'user-content-', 'card-', 'sr-'] as const;

const WHOLE = new Set<string>(PAGE_IDS);

/** Whether an article's own heading may not take this id. */
export function isReservedId(id: string): boolean {
  return WHOLE.has(id) || PAGE_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}
