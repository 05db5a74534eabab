/**
 * One article folder (article.md + annotations.yaml) → a `RenderedArticle`.
 *
 * Synchronous on purpose: every plugin here is sync, so the content loader and
 * the `check` script can call it without ceremony. Every problem found (front
 * matter, annotations, anchoring, notes) is collected, and if any is an error
 * a single `ContentError` carries them all.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { claimContextHtml } from './claim-context.ts';
import { ContentError, hasErrors, sortMessages } from './messages.ts';
import { parseAnnotations } from './parse-annotations.ts';
import { parseArticle } from './parse-article.ts';
import rehypeClaimMarkup from './rehype-claim-markup.ts';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';
import type { MarkupClaim } from './rehype-claim-markup.ts';
import remarkAnchorClaims from './remark-anchor-claims.ts';
import remarkAuthorLinks, { remarkKeyLinks } from './remark-author-links.ts';
import remarkBlockIds from './remark-block-ids.ts';
import { renderNote } from './render-note.ts';
import type { CitationTarget, RenderedNote } from './render-note.ts';
import type {
  ArticleFrontmatter,
  ClaimEntry,
  ContentMessage,
  RenderedArticle,
  RenderedClaim,
  RenderedSource,
  SourceEntry,
} from './types.ts';

export interface ArticleInput {
  slug: string;
  /** Paths as messages should show them, e.g. `content/articles/<slug>/article.md`. */
  articleFile: string;
  articleSource: string;
  annotationsFile: string;
  annotationsSource: string;
}

/** The blocks of the text, as remark-anchor-claims counts them. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);
/** The id of the heading that names the source list on pages that show notes. */
const SOURCES_HEADING_ID = 'sources-heading';

// GFM (tables, strikethrough, autolinks) but no smartypants: the text is set as published.
const markdown = unified().use(remarkParse).use(remarkGfm);

export function renderArticle(input: ArticleInput): RenderedArticle {
  const article = parseArticle(input.articleSource, input.articleFile);
  const annotations = parseAnnotations(input.annotationsSource, input.annotationsFile);
  const messages: ContentMessage[] = [...article.messages, ...annotations.messages];
  const frontmatter = article.frontmatter;
  const claimsById = new Map(annotations.claims.map((claim) => [claim.id, claim]));
  const bodyLine = (line: number | undefined) => (line === undefined ? undefined : article.bodyStartLine + line - 1);

  // 1. The text as a tree, the headline first; anchor the claims in it.
  const file = new VFile({ path: input.articleFile });
  const tree = markdown.runSync(markdown.parse(article.body)) as Root;
  messages.push(...dropRawHtml(tree, input.articleFile, bodyLine));
  tree.children.unshift(...headlineBlocks(frontmatter));
  unified()
    .use(remarkBlockIds)
    .use(remarkKeyLinks)
    .use(remarkAnchorClaims, {
      claims: annotations.claims.map(({ id, quote, prefix, suffix }) => ({ id, exact: quote, prefix, suffix })),
    })
    .runSync(tree, file);
  const anchors = file.data.claimAnchors ?? [];
  for (const message of file.messages) {
    const id = message.claimId;
    messages.push({
      file: input.annotationsFile,
      ...(id ? annotations.positions.get(`claim:${id}:quote`) ?? annotations.positions.get(`claim:${id}`) : {}),
      ruleId: message.ruleId ?? 'anchor',
      severity: 'error', // every anchoring problem stops the build
      ...(id ? { subject: id, subjectKind: 'claim' as const } : {}),
      reason: message.reason,
    });
  }
  file.messages.length = 0;

  // 2. Notes, in text order, with one citation numbering for the whole page.
  const citations = createCitations(annotations.sources);
  const notes = new Map<string, RenderedNote>();
  for (const [index, anchor] of anchors.entries()) {
    const claim = claimsById.get(anchor.id)!;
    // Back-ref ids `cite-<claim number>-<n>`: internal to the page (only `#claim-<id>` is a promised
    // address), and short, since the source list links to each of them (see docs/performance.md).
    notes.set(claim.id, renderNote(claim.note, { claimId: claim.id, cite: citations.citer(`cite-${index + 1}`, claim.id) }));
  }
  const assessment = annotations.article.assessment
    ? renderNote(annotations.article.assessment, { cite: citations.citer('ref-assessment') })
    : undefined;
  const context = annotations.article.context
    ? renderNote(annotations.article.context, { cite: citations.citer('ref-context') })
    : undefined;
  messages.push(...noteMessages(input.annotationsFile, annotations, notes, { assessment, context }, messages));

  if (hasErrors(messages) || !frontmatter) throw new ContentError(sortMessages(messages));

  // 3. The author's links after the cited sources; then HTML, contexts, markup.
  unified().use(remarkAuthorLinks, { firstNumber: citations.count() + 1, describedBy: SOURCES_HEADING_ID }).runSync(tree, file);
  for (const message of file.messages) {
    messages.push({
      file: input.articleFile,
      line: bodyLine(message.line ?? undefined),
      column: message.column ?? undefined,
      ruleId: message.ruleId ?? 'author-link',
      severity: 'warning',
      reason: message.reason,
    });
  }
  const hast = unified().use(remarkRehype).runSync(tree, file) as HastRoot;
  const contexts = new Map(anchors.map((anchor) => [anchor.id, claimContextHtml(hast, anchor.id)]));

  const offsets = textOffsets(tree);
  const claims: RenderedClaim[] = anchors.map((anchor, index) => {
    const claim: ClaimEntry = claimsById.get(anchor.id)!;
    const note = notes.get(claim.id)!;
    const offset = offsets.get(anchor.block) ?? 0;
    return {
      ...claim,
      number: index + 1,
      exact: anchor.exact,
      prefixContext: anchor.prefixContext,
      suffixContext: anchor.suffixContext,
      start: offset + anchor.start,
      end: offset + anchor.end,
      blockId: anchor.blockId ?? '',
      contextHtml: contexts.get(anchor.id) ?? '',
      noteHtml: note.html,
      sourceIds: note.citedSourceIds,
      ...(anchor.parentId ? { parentId: anchor.parentId } : {}),
    };
  });

  const markupClaims: MarkupClaim[] = claims.map((claim) => ({ ...claim, note: notes.get(claim.id)!.hast }));
  unified().use(rehypeParagraphLinks).use(rehypeClaimMarkup, { claims: markupClaims }).runSync(hast, file);
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
    sources: [...citations.sources(), ...authorSources(file.data.authorLinks ?? [])],
    ...(assessment ? { assessmentHtml: assessment.html } : {}),
    ...(context ? { contextHtml: context.html } : {}),
    ...(annotations.article.checked ? { checked: annotations.article.checked } : {}),
    warnings: sortMessages(messages.filter((m) => m.severity === 'warning')),
  };
}

/** The title (and subtitle) as headings with fixed ids, their Markdown read as inline text. */
function headlineBlocks(frontmatter: ArticleFrontmatter | undefined): Heading[] {
  if (!frontmatter) return [];
  const heading = (text: string, depth: 1 | 2, id: string): Heading => ({
    type: 'heading',
    depth,
    children: inlineMarkdown(text),
    data: { blockId: id, hProperties: { id } },
  });
  return [
    heading(frontmatter.title, 1, 'title'),
    ...(frontmatter.subtitle ? [heading(frontmatter.subtitle, 2, 'subtitle')] : []),
  ];
}

/** `*Emphasis*` and the like in a headline; anything that parses as more than one line of text stays literal. */
function inlineMarkdown(text: string): PhrasingContent[] {
  const root = markdown.runSync(markdown.parse(text)) as Root;
  const only = root.children[0];
  if (root.children.length !== 1 || only?.type !== 'paragraph') return [{ type: 'text', value: text }];
  // Positions would point into the front-matter string, not into article.md.
  visit(only, (node) => {
    delete node.position;
  });
  return only.children;
}

/**
 * Raw HTML in the article is not rendered (as in notes: the article is Markdown
 * from an editor, not trusted HTML). Say so, except for comments, which are notes to self.
 */
function dropRawHtml(tree: Root, file: string, bodyLine: (line?: number) => number | undefined): ContentMessage[] {
  const found: ContentMessage[] = [];
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) {
      found.push({
        file,
        line: bodyLine(node.position?.start.line),
        column: node.position?.start.column,
        ruleId: 'raw-html',
        severity: 'warning',
        reason: `raw HTML is not shown: ${JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value)}; write it in Markdown`,
      });
    }
    parent.children.splice(index, 1);
    return index;
  });
  return found;
}

function collectBlocks(tree: Root): Parent[] {
  const blocks: Parent[] = [];
  visit(tree, (node: Nodes) => {
    if (!BLOCK_TYPES.has(node.type)) return undefined;
    blocks.push(node as Parent);
    return SKIP;
  });
  return blocks;
}

/** Block texts as a reader sees them, the same way remark-anchor-claims reads them. */
function blockTexts(tree: Root): string[] {
  return collectBlocks(tree).map((block) => toString(block, { includeHtml: false }));
}

/** Where each block's text starts in `RenderedArticle.text`. */
function textOffsets(tree: Root): Map<Parent, number> {
  const offsets = new Map<Parent, number>();
  let offset = 0;
  for (const block of collectBlocks(tree)) {
    offsets.set(block, offset);
    offset += toString(block, { includeHtml: false }).length + 2;
  }
  return offsets;
}

/**
 * Footnote numbers for annotation sources: in order of first citation across the
 * notes. `citer(prefix)` gives one note its `cite` callback; back-ref ids are
 * `<prefix>-1`, `<prefix>-2`, … in that note.
 */
function createCitations(sources: SourceEntry[]) {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const numbered = new Map<string, RenderedSource>();
  return {
    citer(prefix: string, claimId?: string) {
      let count = 0;
      return (sourceId: string): CitationTarget | undefined => {
        const source = byId.get(sourceId);
        if (!source) return undefined;
        let rendered = numbered.get(sourceId);
        if (!rendered) {
          rendered = { ...source, number: numbered.size + 1, origin: 'annotation', citedBy: [] };
          numbered.set(sourceId, rendered);
        }
        const backrefId = `${prefix}-${++count}`;
        rendered.citedBy.push({ ...(claimId ? { claimId } : {}), backrefId });
        return { number: rendered.number, backrefId };
      };
    },
    count: () => numbered.size,
    sources: () => [...numbered.values()],
  };
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
        url: link.url,
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

/**
 * What rendering the notes adds: an unknown citation (a safety net: parseAnnotations
 * reports these from the raw text) and things a note contains that are not shown.
 */
function noteMessages(
  file: string,
  annotations: ReturnType<typeof parseAnnotations>,
  notes: Map<string, RenderedNote>,
  articleNotes: { assessment?: RenderedNote; context?: RenderedNote },
  already: ContentMessage[],
): ContentMessage[] {
  const found: ContentMessage[] = [];
  const entries: [string, string, RenderedNote | undefined, 'claim' | 'field'][] = [
    ...[...notes].map(([id, note]): [string, string, RenderedNote, 'claim'] => [id, `claim:${id}:note`, note, 'claim']),
    ['article.assessment', 'article:assessment', articleNotes.assessment, 'field'],
    ['article.context', 'article:context', articleNotes.context, 'field'],
  ];
  for (const [subject, key, note, subjectKind] of entries) {
    if (!note) continue;
    const place = annotations.positions.get(key);
    // Reported from the raw text unless something else already failed (e.g. a source that did not validate).
    for (const id of hasErrors(already) ? [] : note.unknownSourceIds) {
      found.push({ file, ...place, ruleId: 'source-undefined', severity: 'error', subject, subjectKind, reason: `cites [^${id}], but no source "${id}" is defined under sources` });
    }
    for (const what of note.dropped) {
      found.push({ file, ...place, ruleId: 'raw-html', severity: 'warning', subject, subjectKind, reason: `${what} is not shown` });
    }
  }
  return found;
}

/** Removes the top-level element with this id and returns its inner HTML. */
function takeInnerHtml(tree: HastRoot, id: string): string | undefined {
  const index = tree.children.findIndex((node) => node.type === 'element' && node.properties.id === id);
  if (index === -1) return undefined;
  const element = tree.children[index] as Element;
  tree.children.splice(index, 1);
  return toHtml(element.children);
}
