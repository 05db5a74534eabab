/**
 * One article folder (article.md + annotations.yaml) → a `RenderedArticle`.
 *
 * Synchronous on purpose: every plugin here is sync, so the content loader and
 * the `check` script can call it without ceremony. Both files are parsed and
 * validated, then the text and its notes go through one unified run
 * (article-processor.ts); every problem found (front matter, annotations,
 * anchoring, notes) is collected, and if any is an error a single
 * `ContentError` carries them all.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Parent, Root } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ArticleData } from './article-data.ts';
import { articleProcessor, StopRendering } from './article-processor.ts';
import { createCitations } from './citations.ts';
import { blockTexts, collectBlocks, textOffsets, textWithoutHtml } from './block-texts.ts';
import { cleanUrl } from './clean-url.ts';
import { ContentError, hasErrors, sortMessages } from './messages.ts';
import { limitMessages } from './limit-messages.ts';
import { parseAnnotations } from './parse-annotations.ts';
import { parseArticle } from './parse-article.ts';
import { curlyQuotes } from './typography.ts';
import { renderNote } from './render-note.ts';
import type { ContentMessage, RenderedArticle, RenderedClaim, RenderedSource, Reply } from './types.ts';

export interface ArticleInput {
  slug: string;
  /** Paths as messages should show them, e.g. `content/articles/<slug>/article.md`. */
  articleFile: string;
  articleSource: string;
  annotationsFile: string;
  annotationsSource: string;
}

/** A block claims are anchored in (title, subtitle, paragraph, heading, table cell): its id and reader text. */
export interface TextBlock {
  id?: string;
  text: string;
}

export interface RenderObserver {
  /**
   * Called with the blocks a claim's quote is matched against, as remark-anchor-claims read
   * them, before any error is thrown: the editors' tools (src/editor) compute selectors with the
   * build's matcher on exactly these texts.
   */
  textBlocks?: (blocks: TextBlock[]) => void;
}

export function renderArticle(input: ArticleInput, observer: RenderObserver = {}): RenderedArticle {
  const article = parseArticle(input.articleSource, input.articleFile);
  const annotations = parseAnnotations(input.annotationsSource, input.annotationsFile);
  const inputMessages: ContentMessage[] = [...article.messages, ...annotations.messages];
  const bodyLine = (line: number | undefined) => (line === undefined ? undefined : article.bodyStartLine + line - 1);
  // Markdown that asks for too much work (markdown-limits.ts) is refused before it is parsed.
  const refused = limitMessages(article.body, { file: input.articleFile, line: bodyLine });
  if (refused.length > 0) throw new ContentError(sortMessages([...inputMessages, ...refused]));
  const data: ArticleData = {
    frontmatter: article.frontmatter,
    annotations,
    annotationsFile: input.annotationsFile,
    inputFailed: hasErrors(inputMessages),
    citations: createCitations(annotations.sources),
    notes: new Map(),
    markupClaims: [],
    claimBlocks: new Map(),
  };
  const file = new VFile({ path: input.articleFile, value: article.body, data: { article: data } });
  const tree = articleProcessor.parse(file) as Root;
  let hast: HastRoot | undefined;
  try {
    hast = articleProcessor.runSync(tree, file) as HastRoot;
  } catch (error) {
    if (!(error instanceof StopRendering)) throw error;
  }
  // The blocks' texts are what anchoring read: the later plugins change no block's text.
  observer.textBlocks?.(collectBlocks(tree).map(textBlock));
  const messages = [...inputMessages, ...file.messages.map((message) => contentMessage(message, input.articleFile, bodyLine))];
  const frontmatter = data.frontmatter;
  if (!hast || !frontmatter || hasErrors(messages)) throw new ContentError(sortMessages(messages));
  const replies = renderReplies(annotations);

  const offsets = textOffsets(tree);
  const claimsById = new Map(annotations.claims.map((claim) => [claim.id, claim]));
  const claims: RenderedClaim[] = (file.data.claimAnchors ?? []).map((anchor, index) => {
    const claim = claimsById.get(anchor.id)!;
    const note = data.notes.get(claim.id)!;
    const offset = offsets.get(anchor.block) ?? 0;
    return {
      ...claim,
      summary: curlyQuotes(claim.summary),
      number: index + 1,
      passage: anchor.passage,
      textBefore: anchor.textBefore,
      textAfter: anchor.textAfter,
      start: offset + anchor.start,
      end: offset + anchor.end,
      blockId: anchor.blockId ?? '',
      blockHtml: data.claimBlocks.get(anchor.id) ?? '',
      noteHtml: note.html,
      sourceIds: note.citedSourceIds,
      ...(anchor.parentId ? { parentId: anchor.parentId } : {}),
      ...(replies.has(claim.id) ? { replyHtml: replies.get(claim.id)! } : {}),
    };
  });

  const titleHtml = takeInnerHtml(hast, 'title') ?? '';
  const subtitleHtml = takeInnerHtml(hast, 'subtitle');
  return {
    slug: input.slug,
    frontmatter,
    titleHtml,
    ...(subtitleHtml !== undefined ? { subtitleHtml } : {}),
    headNotesHtml: file.data.headNotes ? toHtml(file.data.headNotes) : '',
    bodyHtml: toHtml(hast).trim(),
    text: blockTexts(tree).join('\n\n'),
    claims,
    sources: [...data.citations.sources(), ...authorSources(file.data.authorLinks ?? [])],
    ...(annotations.article.verdict ? { verdict: curlyQuotes(annotations.article.verdict) } : {}),
    ...(data.assessment ? { assessmentHtml: data.assessment.html } : {}),
    ...(data.context ? { contextHtml: data.context.html } : {}),
    ...(annotations.article.checked ? { checked: annotations.article.checked } : {}),
    ...(annotations.article.history ? { history: annotations.article.history } : {}),
    ...(annotations.article.reply ? { reply: articleReply(annotations.article.reply) } : {}),
    warnings: sortMessages(messages.filter((m) => m.severity === 'warning')),
  };
}

/**
 * Replies are the author's or publisher's words: Markdown rendered like a note (untrusted, sanitised),
 * with no citations (parse-history refuses them). Keyed by claim id.
 */
function renderReplies(annotations: ReturnType<typeof parseAnnotations>): Map<string, string> {
  const replies = new Map<string, string>();
  for (const claim of annotations.claims) {
    if (claim.reply) replies.set(claim.id, renderReply(claim.reply.text));
  }
  return replies;
}

function renderReply(markdown: string): string {
  return renderNote(markdown, { cite: () => undefined }).html;
}

function articleReply({ text, ...reply }: Reply): NonNullable<RenderedArticle['reply']> {
  return { ...reply, html: renderReply(text) };
}

/**
 * A message of the run as editors read it. Messages about annotations.yaml carry that file and
 * their YAML place already; the rest are about article.md, whose lines count from the body.
 */
function contentMessage(message: VFileMessage, articleFile: string, bodyLine: (line?: number) => number | undefined): ContentMessage {
  const inArticle = (message.file ?? articleFile) === articleFile;
  return {
    file: message.file ?? articleFile,
    line: inArticle ? bodyLine(message.line ?? undefined) : (message.line ?? undefined),
    column: message.column ?? undefined,
    ruleId: message.ruleId ?? message.source ?? 'content',
    severity: message.fatal ? 'error' : 'warning',
    ...(message.subject !== undefined ? { subject: message.subject, subjectKind: message.subjectKind } : {}),
    reason: message.reason,
  };
}

function textBlock(block: Parent): TextBlock {
  const id = (block.data as { blockId?: unknown } | undefined)?.blockId;
  return { ...(typeof id === 'string' ? { id } : {}), text: textWithoutHtml(block) };
}

/** The author's links as sources: one per URL, titled by the first link's text. */
function authorSources(links: { url: string; text: string; number: number; backrefId: string }[]): RenderedSource[] {
  const byUrl = new Map<string, RenderedSource>();
  for (const link of links) {
    let source = byUrl.get(link.url);
    if (!source) {
      source = {
        id: `author-link-${byUrl.size + 1}`,
        title: link.text.trim() || link.url,
        publisher: new URL(link.url).host,
        url: cleanUrl(link.url),
        number: link.number,
        origin: 'author-link',
        citedBy: [],
      };
      byUrl.set(link.url, source);
    }
    source.citedBy.push({ backrefId: link.backrefId });
  }
  return [...byUrl.values()];
}

/** Removes the top-level element with this id and returns its inner HTML. */
function takeInnerHtml(tree: HastRoot, id: string): string | undefined {
  const index = tree.children.findIndex((node) => node.type === 'element' && node.properties.id === id);
  if (index === -1) return undefined;
  const element = tree.children[index] as Element;
  tree.children.splice(index, 1);
  return toHtml(element.children);
}
