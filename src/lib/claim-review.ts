import type { ArticleFrontmatter, Rating } from '../pipeline/types.ts';
import type { StoredClaim } from '../content/stored-article.ts';
import { RATING_LABEL } from '../model/labels.ts';

/** Numeric scale for schema.org: 5 best, 1 worst. "Unverifiable" has no place on it. */
const RATING_VALUE: Partial<Record<Rating, number>> = {
  accurate: 5,
  'mostly-accurate': 4,
  'missing-context': 3,
  misleading: 2,
  inaccurate: 1,
};

export interface ClaimReviewInput {
  claim: StoredClaim;
  frontmatter: ArticleFrontmatter;
  claimUrl: string;
  siteName: string;
  siteUrl: string;
  /** When the annotations were last checked (the review's publication date). */
  reviewed?: string | undefined;
  /** When this claim was last corrected or checked (see lastModified in src/pipeline/history-text.ts). */
  modified?: string | undefined;
}

/** Where the claim was published: the first publication, then each republished copy. */
interface Appearance {
  '@type': 'Article';
  headline: string;
  author: { '@type': string; name: string };
  datePublished: string;
  publisher: { '@type': 'Organization'; name: string };
  url?: string;
}

/**
 * schema.org ClaimReview for a rated claim; undefined for opinions and predictions
 * (they are not rated, and a ClaimReview without a rating would claim a verdict we did not give).
 *
 * - claimReviewed: the passage as the article prints it;
 * - itemReviewed: a Claim by the article's author, whose firstAppearance is the original
 *   publication (publisher, date) and whose appearance lists it and every republished copy;
 * - reviewRating: the rating's words as `name` and `alternateName` (what search engines show),
 *   plus a 1–5 value where the rating has a place on that scale;
 * - datePublished: when the annotations were last checked (`article.checked`); omitted when
 *   the annotations do not say, rather than guessed;
 * - dateModified: the later of the claim's latest correction (`history`) and its own check
 *   (`checked`, else the article's); omitted when neither is known;
 * - author: the site, as an Organization.
 */
export function claimReview({ claim, frontmatter: fm, claimUrl, siteName, siteUrl, reviewed, modified }: ClaimReviewInput) {
  if (!claim.rating) return undefined;
  const value = RATING_VALUE[claim.rating];
  const author = { '@type': 'Person', name: fm.author.name };
  const original: Appearance = {
    '@type': 'Article',
    headline: fm.title,
    author,
    datePublished: fm.published,
    publisher: { '@type': 'Organization', name: fm.publisher },
  };
  const copies = (fm.republished ?? []).map((copy): Appearance => ({
    '@type': 'Article',
    headline: fm.title,
    author,
    datePublished: copy.date,
    publisher: { '@type': 'Organization', name: copy.publisher },
    ...(copy.url ? { url: copy.url } : {}),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl,
    claimReviewed: claim.passage,
    ...(reviewed ? { datePublished: reviewed } : {}),
    ...(modified ? { dateModified: modified } : {}),
    author: { '@type': 'Organization', name: siteName, url: siteUrl },
    itemReviewed: {
      '@type': 'Claim',
      author,
      datePublished: fm.published,
      firstAppearance: original,
      appearance: [original, ...copies],
    },
    reviewRating: {
      '@type': 'Rating',
      name: RATING_LABEL[claim.rating],
      alternateName: RATING_LABEL[claim.rating],
      ...(value ? { ratingValue: value, bestRating: 5, worstRating: 1 } : {}),
    },
  };
}

/** JSON for a <script> element: "<" escaped so the text cannot close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
