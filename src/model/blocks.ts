/**
 * The blocks of an article: what holds a run of text a claim can lie in. Shared by the plugins
 * that find a claim's block, its context and its paragraph link.
 */

/** HTML elements that hold one block of text (a claim's block is the nearest one around it). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd']);

/** Flow content that ends a tight list item's own text (a nested list, say). */
export const FLOW_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'p', 'blockquote', 'table', 'pre', 'div', 'aside', 'hr']);

/** mdast nodes that hold a block of text: claims are anchored in them and each gets a block id. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell']);
