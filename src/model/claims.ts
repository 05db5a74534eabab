/**
 * What a claim can be: its kinds and its ratings. Shared by the pipeline, the pages and the
 * browser scripts; framework-free (nothing here knows about Astro).
 */

export const CLAIM_KINDS = ['fact', 'interpretation', 'opinion', 'prediction'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Ratings, from best to worst supported; only facts and interpretations carry one. */
export const RATINGS = [
  'accurate',
  'mostly-accurate',
  'missing-context',
  'misleading',
  'inaccurate',
  'unverifiable',
] as const;
export type Rating = (typeof RATINGS)[number];

/** The kinds that must be rated; the others (opinions, predictions) must not be. */
export const RATED_KINDS: readonly ClaimKind[] = ['fact', 'interpretation'];

export type UnratedKind = 'opinion' | 'prediction';

export function isUnratedKind(kind: string): kind is UnratedKind {
  return kind === 'opinion' || kind === 'prediction';
}
