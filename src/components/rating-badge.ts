/**
 * What RatingBadge.astro shows (ledger, claim and about pages): the one badge of
 * src/model/labels.ts, the same symbol and word as a note's badge and a search result's, with
 * the attributes these pages colour it by. tests/unit/badges.test.ts holds the three together.
 */
import type { ClaimKind, Rating } from '../model/claims.ts';
import { badgeContent } from '../model/labels.ts';

/** The colour (base.css) comes from the rating, or for an unrated claim from its kind: a rated badge needs no `data-kind`. */
export function ratingBadge(kind: ClaimKind, rating?: Rating): { dataRating: string; dataKind: ClaimKind | undefined; symbol: string; word: string } {
  return { dataRating: rating ?? 'unrated', dataKind: rating ? undefined : kind, ...badgeContent(kind, rating) };
}
