/**
 * What RatingBadge.astro shows (ledger, claim and about pages): the one badge of
 * src/model/labels.ts, the same symbol and word as a note's badge and a search result's, with
 * the attributes these pages colour it by. tests/unit/badges.test.ts holds the three together.
 */
import type { ClaimKind, Rating } from '../model/claims.ts';
import { badgeContent } from '../model/labels.ts';

export function ratingBadge(kind: ClaimKind, rating?: Rating): { dataRating: string; dataKind: ClaimKind; symbol: string; word: string } {
  return { dataRating: rating ?? 'unrated', dataKind: kind, ...badgeContent(kind, rating) };
}
