import type { ClaimKind, Rating } from '../pipeline/types.ts';
import type { StoredClaim, StoredArticle } from '../content/stored-article.ts';
import { KIND_LABEL, RATING_LABEL, RATING_SYMBOL, UNRATED_SYMBOL } from '../model/labels.ts';

/**
 * What an article page shows first (docs/reading.md, "Verdict first"): the bottom line, the claims
 * counted by rating, and the problem claims that matter most.
 */

/** Ratings that mark a problem, most serious first: these stand out in the text. */
export const PROBLEM_RATINGS: readonly Rating[] = ['inaccurate', 'misleading', 'missing-context'];

export const isProblem = (claim: Pick<StoredClaim, 'rating'>): boolean =>
  claim.rating !== undefined && PROBLEM_RATINGS.includes(claim.rating);

/** One row of the counts figure: a rating, or an unrated kind (opinions, predictions). */
export interface CountRow {
  key: Rating | ClaimKind;
  /** The value of the rows' `data-rating` (ratings) or `data-kind` (unrated kinds). */
  rating?: Rating;
  kind?: ClaimKind;
  symbol: string;
  /** "inaccurate", "mostly accurate", "opinions" … lower case, plural where it counts things. */
  label: string;
  count: number;
  problem: boolean;
}

/** The order of the figure: problems first, then the rest of the ratings, then what is not rated. */
const ROW_ORDER: readonly Rating[] = ['inaccurate', 'misleading', 'missing-context', 'unverifiable', 'mostly-accurate', 'accurate'];

export function countRows(claims: readonly Pick<StoredClaim, 'kind' | 'rating'>[]): CountRow[] {
  const rows: CountRow[] = ROW_ORDER.map((rating) => ({
    key: rating,
    rating,
    symbol: RATING_SYMBOL[rating],
    label: RATING_LABEL[rating].toLowerCase(),
    count: claims.filter((c) => c.rating === rating).length,
    problem: PROBLEM_RATINGS.includes(rating),
  }));
  for (const kind of ['opinion', 'prediction'] as const) {
    const count = claims.filter((c) => !c.rating && c.kind === kind).length;
    rows.push({ key: kind, kind, symbol: UNRATED_SYMBOL[kind], label: `${KIND_LABEL[kind].toLowerCase()}${count === 1 ? '' : 's'}`, count, problem: false });
  }
  return rows.filter((row) => row.count > 0);
}

/** The problem claims a reader should see first: most serious rating first, then in text order. */
export function topProblems<T extends Pick<StoredClaim, 'rating' | 'number'>>(claims: readonly T[], max = 3): T[] {
  const rank = (c: T) => PROBLEM_RATINGS.indexOf(c.rating!);
  return claims.filter(isProblem).sort((a, b) => rank(a) - rank(b) || a.number - b.number).slice(0, max);
}

/**
 * The bottom line: the editors' `article.verdict`, else the first paragraph of their assessment
 * without its citations, else nothing. The citations stay in the full assessment, one step away:
 * copied here they would give the page (and the home page, which has no source list) a second
 * element with each citation's id and links to sources it does not list.
 */
export function bottomLine(article: Pick<StoredArticle, 'verdict' | 'assessmentHtml'>): { text: string } | { html: string } | undefined {
  if (article.verdict) return { text: article.verdict };
  const first = article.assessmentHtml?.match(/<p>[\s\S]*?<\/p>/)?.[0];
  return first ? { html: withoutCitations(first.slice(3, -4)) } : undefined;
}

/** Our own citation markup (render-note.ts writes `<sup class="cite">…</sup>`, never nested), and the space before it. */
function withoutCitations(html: string): string {
  return html.replace(/\s*<sup class="cite">[\s\S]*?<\/sup>/g, '');
}
