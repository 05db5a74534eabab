import type { Rating, ClaimKind } from '../pipeline/types.ts';
import type { StoredClaim } from '../content/stored-article.ts';
import { CLAIM_KINDS, RATINGS } from '../pipeline/types.ts';

export interface LedgerCounts {
  total: number;
  byKind: { kind: ClaimKind; count: number }[];
  byRating: { rating: Rating; count: number }[];
}

/** Counts straight from the data, in the fixed order of kinds and ratings; zero rows left out. */
export function countClaims(claims: readonly StoredClaim[]): LedgerCounts {
  const byKind = CLAIM_KINDS.map((kind) => ({ kind, count: claims.filter((c) => c.kind === kind).length }));
  const byRating = RATINGS.map((rating) => ({ rating, count: claims.filter((c) => c.rating === rating).length }));
  return {
    total: claims.length,
    byKind: byKind.filter((row) => row.count > 0),
    byRating: byRating.filter((row) => row.count > 0),
  };
}

/** A quote shortened for lists, cut at a word boundary. */
export function shorten(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:–-]+$/, '')}…`;
}
