import { isUnratedKind } from './claims.ts';
import type { ClaimKind, Rating, UnratedKind } from './claims.ts';
import type { SourceType } from './sources.ts';

/**
 * The words and symbols readers see for kinds and ratings. Pages, notes, the
 * method page and exports all use these, so a rating reads the same everywhere.
 * A symbol always travels with its word: colour and shape are never the only cue.
 */
export const KIND_LABEL: Record<ClaimKind, string> = {
  fact: 'Fact',
  interpretation: 'Interpretation',
  opinion: 'Opinion',
  prediction: 'Prediction',
};

export const RATING_LABEL: Record<Rating, string> = {
  accurate: 'Accurate',
  'mostly-accurate': 'Mostly accurate',
  'missing-context': 'Missing context',
  misleading: 'Misleading',
  inaccurate: 'Inaccurate',
  unverifiable: 'Unverifiable',
};

export const RATING_SYMBOL: Record<Rating, string> = {
  accurate: '✓',
  'mostly-accurate': '≈',
  'missing-context': '+',
  misleading: '!',
  inaccurate: '✗',
  unverifiable: '?',
};

/** Opinions and predictions carry no rating; their marker shows the kind instead. */
export const UNRATED_SYMBOL: Record<UnratedKind, string> = {
  opinion: '“',
  prediction: '→',
};

export const RATING_MEANING: Record<Rating, string> = {
  accurate: 'The record supports the statement as written.',
  'mostly-accurate': 'Right in substance, with a minor error or imprecision.',
  'missing-context': 'Literally true, but leaves out facts that change how it reads.',
  misleading: 'Contains some truth, but leads the reader to a false conclusion.',
  inaccurate: 'The record contradicts it.',
  unverifiable: 'No reliable public record settles it either way.',
};

export const KIND_MEANING: Record<ClaimKind, string> = {
  fact: 'A statement about events, numbers, documents or what someone said or did, which the record can settle.',
  interpretation: 'A reading of facts (a cause, a motive, a characterisation) that evidence can support or undercut.',
  opinion: 'A value judgement; not rated, but the note says what it rests on.',
  prediction: 'A claim about the future; not rated, but the note gives what was known at the time and, marked as later, what happened.',
};

/** The marker's accessible name, e.g. "Fact, rated misleading" or "Opinion, not rated". */
export function claimLabel(kind: ClaimKind, rating?: Rating): string {
  return rating
    ? `${KIND_LABEL[kind]}, rated ${RATING_LABEL[rating].toLowerCase()}`
    : `${KIND_LABEL[kind]}, not rated`;
}

/** What an unrated claim's badge says, and its value in the search's rating filter. Matches claimLabel. */
export const NOT_RATED = 'Not rated';

/**
 * What a rating badge shows, for every markup of it (notes, pages, search results): a symbol,
 * hidden from screen readers, and its word. The badge says the rating; an unrated claim (an
 * opinion or a prediction) shows its kind's symbol and "Not rated", and the kind's name is said
 * beside every badge, as it is beside a rated one ("! Misleading Fact", "“ Not rated Opinion").
 */
export function badgeContent(kind: ClaimKind | string, rating?: Rating): { symbol: string; word: string } {
  if (rating) return { symbol: RATING_SYMBOL[rating], word: RATING_LABEL[rating] };
  return { symbol: isUnratedKind(kind) ? UNRATED_SYMBOL[kind] : '', word: NOT_RATED };
}

/** A source's type in words, shown beside it wherever it appears (never an icon alone). */
export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  primary: 'Primary document',
  official: 'Official statement',
  news: 'News report',
  commentary: 'Analysis or commentary',
  reference: 'Reference work',
  'state-media': 'State-affiliated media',
  copy: 'Copy of another source',
};

export const SOURCE_TYPE_MEANING: Record<SourceType, string> = {
  primary: 'The record itself: a treaty, law, court ruling, official record or data set.',
  official: 'A government, party or organisation speaking for itself: a statement, speech or ministry page.',
  news: 'Reporting by a news organisation.',
  commentary: 'Opinion or analysis: cited for what its author argued, not as proof of fact.',
  reference: 'An encyclopaedia, handbook or database compiled by others.',
  'state-media': 'An outlet under the editorial control of a state: cited for what that state says.',
  copy: 'A republished or mirrored copy of another source, which is named beside it.',
};
