/**
 * What the content store keeps of a rendered article: only what a page, component or endpoint
 * reads (src/pages, src/components, src/lib). Astro serialises the store, reads it back and
 * bundles it into the build, so every byte of it costs on every build, cold or warm.
 *
 * Dropped, because nothing reads them once the article is rendered:
 * - `slug` (the entry's id) and `warnings` (the loader logs them);
 * - per claim, the annotations as written — `quote`, `prefix`, `suffix` (the pages use `exact`,
 *   `start`/`end` and their own TextQuoteSelector from `text`) and `note`, the Markdown source
 *   (its HTML is `noteHtml`) — and `prefixContext`, `suffixContext` and `blockId`.
 * Kept: everything else, among it `text` (the JSON-LD and CSV offsets), `noteHtml` (claim pages,
 * exports) and `contextHtml` (claim pages).
 *
 * The collection is typed `StoredEdition`, and the pages, components and src/lib with it, so a
 * page that starts reading a dropped field fails `astro check`: keep the field here instead.
 * CONTENT_STORE_FULL=1 stores the whole edition; tests/integration/render-pool.test.ts builds
 * the fixtures both ways and requires the same site.
 */
import type { RenderedArticle, RenderedClaim } from '../pipeline/types.ts';

export const DROPPED_CLAIM_FIELDS = ['quote', 'prefix', 'suffix', 'note', 'prefixContext', 'suffixContext', 'blockId'] as const;
export const DROPPED_EDITION_FIELDS = ['slug', 'warnings'] as const;

export type StoredClaim = Omit<RenderedClaim, (typeof DROPPED_CLAIM_FIELDS)[number]>;
export type StoredEdition = Omit<RenderedArticle, (typeof DROPPED_EDITION_FIELDS)[number] | 'claims'> & { claims: StoredClaim[] };

/** A shallow copy of `value` without `keys`: the lists above are the one place that names them. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

export function storedEdition(edition: RenderedArticle): StoredEdition {
  if (process.env.CONTENT_STORE_FULL === '1') return edition;
  return {
    ...without(edition, [...DROPPED_EDITION_FIELDS, 'claims']),
    claims: edition.claims.map((claim) => without(claim, DROPPED_CLAIM_FIELDS)),
  };
}
