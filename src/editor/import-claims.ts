/**
 * W3C Web Annotations → claims for one article (`npm run import`, docs/editing.md).
 *
 * - TextQuoteSelector → quote, prefix, suffix: the annotation's passage is found in the article
 *   (its prefix and suffix pick between repeats and may run across blocks, as Hypothesis and this
 *   site's export write them), then the selector is rebuilt with the build's matcher, with the
 *   shortest prefix or suffix from the same block that makes it unique.
 * - Tags (the convention): `kind:<kind>`, `rating:<rating>`, `topic:<topic>`, `id:<claim-id>`.
 *   This site's export says kind and rating in its `classifying` and `assessing` bodies instead,
 *   and the claim's id in the annotation's id (`…/annotations.jsonld#<claim-id>`).
 * - Body → note (HTML becomes Markdown); the `describing` body, or the note's first sentence,
 *   → summary.
 * An annotation that cannot become a claim the build accepts is an orphan, with the reason.
 */
import TurndownService from 'turndown';
import { CLAIM_KINDS, RATINGS, type ClaimKind, type Rating } from '../pipeline/types.ts';
import { KIND_LABEL, RATING_LABEL } from '../model/labels.ts';
import { ID_PATTERN } from '../pipeline/format-checks.ts';
import { normalize } from '../pipeline/normalize.ts';
import { findAll, matchQuoteInTexts } from '../pipeline/quote-match.ts';
import { parseAnnotations } from '../pipeline/parse-annotations.ts';
import { anchorBlocks } from './article-blocks.ts';
import { formatMessage } from '../pipeline/messages.ts';
import { addClaims, YamlError, type NewClaim } from './claim-yaml.ts';
import { buildMessages } from './claim-service.ts';
import { minimalSelector, oneLine, suggestId, type BlockPassage } from './selector.ts';
import { annotationsIn, readAnnotation, type AnnotationIn } from './web-annotations.ts';

export interface ImportInput {
  slug: string;
  articleFile: string;
  articleSource: string;
  annotationsFile: string;
  annotationsSource: string;
  /** The parsed JSON-LD document. */
  document: unknown;
}

export interface Orphan {
  /** The annotation's id, or its place in the file (`annotation 3`). */
  label: string;
  quote?: string;
  reason: string;
}

export interface ImportResult {
  claims: NewClaim[];
  orphans: Orphan[];
  /** Things done that the editor should check (a citation kept as a link, tags left out). */
  warnings: string[];
  /** annotations.yaml with the claims added; undefined when none could be. */
  annotationsSource?: string;
}

const byLabel = <T extends string>(labels: Record<T, string>) =>
  new Map(Object.entries(labels).map(([id, label]) => [(label as string).toLowerCase(), id as T]));
const KIND_BY_LABEL = byLabel(KIND_LABEL);
const RATING_BY_LABEL = byLabel(RATING_LABEL);

const turndown = new TurndownService({ headingStyle: 'atx', emDelimiter: '*', strongDelimiter: '**', bulletListMarker: '-', codeBlockStyle: 'fenced' });
// A citation of the page the note came from (`<sup class="cite"><a href="…#source-2">2</a></sup>`)
// stays a link to that page's source list: its source has no id here until the editor defines one.
turndown.addRule('citation', {
  filter: (node) => node.nodeName === 'SUP' && /\bcite\b/.test(node.getAttribute('class') ?? ''),
  replacement: (_content, node) => {
    const link = (node as HTMLElement).querySelector('a');
    return link ? ` [source ${link.textContent}](${link.getAttribute('href')})` : '';
  },
});

function noteMarkdown(note: { value: string; format: string }): string {
  return note.format === 'text/html' ? turndown.turndown(note.value).trim() : note.value.trim();
}

/** The first sentence of a Markdown note, as plain text on one line. */
function firstSentence(markdown: string): string {
  const plain = oneLine(markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '')).trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
  return sentence.length > 400 ? `${sentence.slice(0, 399)}…` : sentence;
}

type Located = { ok: true; passage: BlockPassage } | { ok: false; reason: string };

/**
 * The annotation's passage in the article's blocks, using its prefix and suffix to pick between
 * repeats. `quote` is the imported W3C TextQuoteSelector, whose quoted text the standard calls `exact`.
 */
export function locate(texts: readonly string[], quote: { exact: string; prefix?: string; suffix?: string }): Located {
  const exact = normalize(quote.exact).text.trim();
  if (exact === '') return { ok: false, reason: 'its quote is empty' };
  const blocks = texts.map((text) => normalize(text));
  const whole = blocks.map((block) => block.text).join(' ');
  const prefix = normalize(quote.prefix ?? '').text.trimEnd();
  const suffix = normalize(quote.suffix ?? '').text.trimStart();
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + 1;
  }
  const candidates: { index: number; start: number; score: number }[] = [];
  let crossing = 0;
  for (const at of findAll(whole, exact)) {
    let index = starts.length - 1;
    while (starts[index]! > at) index--;
    if (at + exact.length > starts[index]! + blocks[index]!.text.length) {
      crossing++;
      continue;
    }
    const before = whole.slice(0, at).trimEnd();
    const after = whole.slice(at + exact.length).trimStart();
    let score = 0;
    while (score < prefix.length && before[before.length - 1 - score] === prefix[prefix.length - 1 - score]) score++;
    let tail = 0;
    while (tail < suffix.length && after[tail] === suffix[tail]) tail++;
    candidates.push({ index, start: at - starts[index]!, score: score + tail });
  }
  if (candidates.length === 0) {
    if (crossing > 0) return { ok: false, reason: 'its quote runs from one paragraph, heading or list item into the next' };
    const closest = matchQuoteInTexts(texts, { quote: quote.exact });
    const hint = closest.status === 'not-found' && closest.closest ? `; closest passage: "${oneLine(closest.closest.text)}"` : '';
    return { ok: false, reason: `its quote is not in the article${hint}` };
  }
  const best = Math.max(...candidates.map((candidate) => candidate.score));
  const top = candidates.filter((candidate) => candidate.score === best);
  if (top.length > 1) return { ok: false, reason: `its quote occurs ${top.length} times and its prefix and suffix do not tell them apart` };
  const { index, start } = top[0]!;
  const map = blocks[index]!.map;
  return { ok: true, passage: { index, start: map[start]!, end: map[start + exact.length]! } };
}

function tagged(tags: string[], name: string): string[] {
  return tags.filter((tag) => tag.toLowerCase().startsWith(`${name}:`)).map((tag) => tag.slice(name.length + 1).trim());
}

/** One annotation → a claim, or why not. */
function toClaim(annotation: AnnotationIn, texts: readonly string[], taken: Set<string>, warnings: string[]): NewClaim | string {
  if (!annotation.quote) return 'it has no TextQuoteSelector: it annotates the page, not a passage';
  const located = locate(texts, annotation.quote);
  if (!located.ok) return located.reason;
  const selector = minimalSelector(texts, located.passage);
  if (!selector.ok) return `its passage occurs ${selector.count} times in blocks that read the same; no prefix or suffix from its block can pick one`;

  const kind = (tagged(annotation.tags, 'kind')[0] ?? KIND_BY_LABEL.get(annotation.classifying?.toLowerCase() ?? '')) as ClaimKind | undefined;
  if (!kind) return `it has no kind: tag it ${CLAIM_KINDS.map((k) => `kind:${k}`).join(', ')}`;
  if (!CLAIM_KINDS.includes(kind)) return `kind "${kind}" is not one of ${CLAIM_KINDS.join(', ')}`;
  const rating = (tagged(annotation.tags, 'rating')[0] ?? RATING_BY_LABEL.get(annotation.assessing?.toLowerCase() ?? '')) as Rating | undefined;
  if (rating && !RATINGS.includes(rating)) return `rating "${rating}" is not one of ${RATINGS.join(', ')}`;
  if (!rating && (kind === 'fact' || kind === 'interpretation')) return `a ${kind} needs a rating: tag it rating:<one of ${RATINGS.join(', ')}>`;
  const note = annotation.note ? noteMarkdown(annotation.note) : '';
  if (note === '') return 'it has no text to become the note';
  if (/\[source \d+\]\(/.test(note)) warnings.push('keeps a citation as a link to the original page’s source list; define the source and cite it as [^id]');

  const fromId = annotation.id?.includes('#') ? annotation.id.slice(annotation.id.lastIndexOf('#') + 1) : undefined;
  const wanted = tagged(annotation.tags, 'id')[0] ?? (fromId && ID_PATTERN.test(fromId) ? fromId : undefined);
  if (wanted && taken.has(wanted)) return `claim id "${wanted}" is already used in annotations.yaml`;
  const id = wanted ?? suggestId(selector.selector.quote, taken);
  taken.add(id);
  const known = /^(kind|rating|topic|id):/i;
  const other = annotation.tags.filter((tag) => !known.test(tag));
  if (other.length > 0) warnings.push(`tags left out (not kind:, rating:, topic: or id:): ${other.join(', ')}`);
  const topics = tagged(annotation.tags, 'topic');
  return {
    id,
    quote: selector.selector.quote,
    ...(selector.selector.prefix ? { prefix: selector.selector.prefix } : {}),
    ...(selector.selector.suffix ? { suffix: selector.selector.suffix } : {}),
    kind,
    ...(rating && (kind === 'fact' || kind === 'interpretation') ? { rating } : {}),
    summary: annotation.describing ? oneLine(annotation.describing).trim() : firstSentence(note),
    note,
    ...(topics.length ? { topics } : {}),
  };
}

export function importClaims(input: ImportInput): ImportResult {
  const texts = anchorBlocks(input.articleSource, input.articleFile).map((block) => block.text);
  const taken = new Set(parseAnnotations(input.annotationsSource, input.annotationsFile).claims.map((claim) => claim.id));
  const claims: NewClaim[] = [];
  const labels = new Map<NewClaim, string>();
  const orphans: Orphan[] = [];
  const warnings: string[] = [];
  annotationsIn(input.document).forEach((json, index) => {
    const annotation = readAnnotation(json);
    const label = annotation.id ?? `annotation ${index + 1}`;
    const itsWarnings: string[] = [];
    const claim = toClaim(annotation, texts, taken, itsWarnings);
    if (typeof claim === 'string') orphans.push({ label, ...(annotation.quote ? { quote: annotation.quote.exact } : {}), reason: claim });
    else {
      claims.push(claim);
      labels.set(claim, label);
      warnings.push(...itsWarnings.map((warning) => `claim "${claim.id}": ${warning}`));
    }
  });

  // The build has the last word: a claim it refuses (an overlap, a bad topic) is an orphan too.
  const folder = { ...input };
  for (;;) {
    if (claims.length === 0) return { claims, orphans, warnings };
    let source: string;
    try {
      source = addClaims(input.annotationsSource, claims);
    } catch (error) {
      if (error instanceof YamlError) throw new Error(`${input.annotationsFile}: ${error.message}`);
      throw error;
    }
    const errors = buildMessages(folder, source);
    if (errors.length === 0) return { claims, orphans, warnings, annotationsSource: source };
    const refused = claims.findIndex((claim) => errors.some((m) => m.subject === claim.id));
    if (refused === -1) throw new Error(`${input.annotationsFile} has errors of its own; fix them first:\n${errors.map(formatMessage).join('\n')}`);
    const [claim] = claims.splice(refused, 1);
    const reasons = errors.filter((m) => m.subject === claim!.id).map((m) => `${m.reason} [${m.ruleId}]`);
    orphans.push({ label: labels.get(claim!)!, quote: claim!.quote, reason: `the build refuses it: ${reasons.join('; ')}` });
  }
}
