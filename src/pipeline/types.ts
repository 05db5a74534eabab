/**
 * The shapes that flow from content (article.md + annotations.yaml) through the
 * pipeline to the pages. Framework-free: nothing here knows about Astro.
 */

import type { ClaimKind, Rating } from '../model/claims.ts';
import type { SourceType } from '../model/sources.ts';
import type { AnnotationPositions } from './annotation-positions.ts';

/** Kinds and ratings live in the shared vocabulary (src/model); re-exported for the pipeline's modules. */
export { CLAIM_KINDS, RATINGS } from '../model/claims.ts';
export type { ClaimKind, Rating } from '../model/claims.ts';

export interface Republication {
  publisher: string;
  date: string; // YYYY-MM-DD
  url?: string;
}

export interface ArticleFrontmatter {
  title: string;
  subtitle?: string;
  author: { name: string; bio?: string };
  published: string; // YYYY-MM-DD
  publisher: string;
  republished?: Republication[];
  copyright?: string;
  regions?: string[];
  themes?: string[];
  summary?: string;
  lang: string; // BCP 47, default 'en'
}

/** What kind of record a source is; the words readers see are in labels.ts. */
export { SOURCE_TYPES } from '../model/sources.ts';
export type { SourceType } from '../model/sources.ts';

/** An archived copy of a source that someone actually found (never an address made up). */
export interface SourceArchive {
  url: string;
  date: string; // YYYY-MM-DD: when the archive captured the page
}

export interface SourceEntry {
  id: string;
  title: string;
  publisher: string;
  date?: string; // YYYY-MM-DD, YYYY-MM or YYYY
  url?: string;
  excerpt?: string;
  type?: SourceType;
  /** For `type: copy`: the original this is a copy of, in words. */
  original?: string;
  /** When the source was read, YYYY-MM-DD. */
  accessed?: string;
  archive?: SourceArchive;
}

/** What a correction changed: in a claim, or in the article's own notes (see parse-history.ts). */
export type ClaimChange = 'rating' | 'kind' | 'summary' | 'note' | 'sources' | 'quote' | 'added';
export type ArticleChange = 'assessment' | 'context' | 'added' | 'removed';

/** One dated correction, as written in `history:` (oldest first). */
export interface HistoryEntry {
  date: string; // YYYY-MM-DD
  changed: ClaimChange | ArticleChange;
  /** The old and new values; for a rating or kind, its id. */
  from?: string;
  to?: string;
  /** Plain text, one paragraph. */
  why: string;
}

/** A reply from the article's author or publisher, shown apart from our notes. */
export interface Reply {
  by: string;
  date: string; // YYYY-MM-DD
  text: string; // Markdown, untrusted (rendered like a note)
  url?: string;
}

export interface ClaimEntry {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: ClaimKind;
  rating?: Rating;
  summary: string;
  note: string; // Markdown
  topics: string[];
  /** When this claim was last checked, if not the article's `checked`. */
  checked?: string;
  history?: HistoryEntry[];
  reply?: Reply;
}

/** A problem found in content; `file:line:column` always point at the source of it. */
export interface ContentMessage {
  file: string;
  line?: number;
  column?: number;
  ruleId: string; // e.g. 'quote-not-found'
  severity: 'error' | 'warning';
  /** The claim or source id concerned, when there is one. */
  subject?: string;
  /**
   * What `subject` names, for the printed phrase (`claim "x"`, `source "x"`, `field "author.name"`,
   * `article folder "x"`, or `claims[2]` as-is for an entry without a usable id). Default: claim.
   */
  subjectKind?: 'claim' | 'source' | 'field' | 'folder' | 'entry';
  reason: string;
}

export interface RenderedSource extends SourceEntry {
  /** 1-based footnote number: cited sources in order of first citation, then the author's links. */
  number: number;
  origin: 'annotation' | 'author-link';
  /** Every place that cites it, in document order; `backrefId` is the id of the citing element. */
  citedBy: { claimId?: string; backrefId: string }[];
}

export interface RenderedClaim extends ClaimEntry {
  /** 1-based position in reading order: the order of the markers (reading-order.ts). */
  number: number;
  /** The passage as it stands in the rendered text (may differ from `quote` in quotes/white space). */
  passage: string;
  /** Up to 32 characters of rendered text before and after, for W3C TextQuoteSelector. */
  textBefore: string;
  textAfter: string;
  /** Offsets into `RenderedArticle.text` (W3C TextPositionSelector). */
  start: number;
  end: number;
  /** id of the block (title, subtitle or paragraph) that holds it. */
  blockId: string;
  /** The block's HTML with no ids or markers, this claim's passage wrapped in <mark> (claim-block.ts). */
  blockHtml: string;
  /** The note rendered to sanitised HTML; citations link to `#source-<n>` entries. */
  noteHtml: string;
  /** Ids of the sources the note cites, in order of first citation. */
  sourceIds: string[];
  /** id of the claim this one lies inside, if any. */
  parentId?: string;
  /** The reply's text rendered to sanitised HTML, when the claim has a reply. */
  replyHtml?: string;
}

export interface RenderedArticle {
  slug: string;
  frontmatter: ArticleFrontmatter;
  titleHtml: string;
  subtitleHtml?: string;
  /** Notes for claims in the title and subtitle (an <aside> or ''). */
  headNotesHtml: string;
  bodyHtml: string;
  /** The rendered text, blocks joined by "\n\n": what TextPositionSelector offsets count in. */
  text: string;
  claims: RenderedClaim[];
  sources: RenderedSource[];
  /** The bottom line (annotations' `article.verdict`), plain text, shown first above the text. */
  verdict?: string;
  assessmentHtml?: string;
  /** The editors' context note (annotations' `article.context`) as sanitised HTML. */
  contextHtml?: string;
  checked?: string;
  /** Corrections to the article's own notes (and claims added or removed), oldest first. */
  history?: HistoryEntry[];
  /** A reply to our notes on the article as a whole, its text rendered to sanitised HTML. */
  reply?: Omit<Reply, 'text'> & { html: string };
  warnings: ContentMessage[];
}

/** A 1-based line and column in a content file. */
export interface Place {
  line: number;
  column: number;
}

/** What parseAnnotations returns: the entries it could read, where they stand, and every problem. */
export interface ParsedAnnotations {
  sources: SourceEntry[];
  claims: ClaimEntry[];
  article: { verdict?: string; assessment?: string; context?: string; checked?: string; history?: HistoryEntry[]; reply?: Reply };
  /** Where each claim (and its quote, prefix, suffix, note), source and article note stands in the YAML. */
  positions: AnnotationPositions;
  messages: ContentMessage[];
}
