import type { ArticleFrontmatter, RenderedClaim, Rating } from '../pipeline/types.ts';
import { RATING_LABEL } from '../pipeline/labels.ts';

/** Numeric scale for schema.org: 5 best, 1 worst. "Unverifiable" has no place on it. */
const RATING_VALUE: Partial<Record<Rating, number>> = {
  accurate: 5,
  'mostly-accurate': 4,
  'missing-context': 3,
  misleading: 2,
  inaccurate: 1,
};

export interface ClaimReviewInput {
  claim: RenderedClaim;
  frontmatter: ArticleFrontmatter;
  claimUrl: string;
  siteName: string;
  siteUrl: string;
  /** When the annotations were last checked; falls back to the article's date. */
  reviewed?: string | undefined;
}

/** schema.org ClaimReview for a rated claim; undefined for opinions and predictions. */
export function claimReview({ claim, frontmatter: fm, claimUrl, siteName, siteUrl, reviewed }: ClaimReviewInput) {
  if (!claim.rating) return undefined;
  const value = RATING_VALUE[claim.rating];
  const original = fm.republished?.find((copy) => copy.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl,
    claimReviewed: claim.exact,
    datePublished: reviewed ?? fm.published,
    author: { '@type': 'Organization', name: siteName, url: siteUrl },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: fm.author.name },
      datePublished: fm.published,
      appearance: {
        '@type': 'OpinionNewsArticle',
        headline: fm.title,
        datePublished: fm.published,
        author: { '@type': 'Person', name: fm.author.name },
        publisher: { '@type': 'Organization', name: fm.publisher },
        ...(original?.url ? { url: original.url } : {}),
      },
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: RATING_LABEL[claim.rating],
      ...(value ? { ratingValue: value, bestRating: 5, worstRating: 1 } : {}),
    },
  };
}

/** JSON for a <script> element: "<" escaped so the text cannot close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
