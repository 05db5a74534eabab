/**
 * The one unified processor an article goes through, frozen once and reused for every article:
 * what differs per article (front matter, annotations, the notes so far) travels in
 * `file.data.article` (article-data.ts), never in plugin options. In order:
 *
 * 1. parse (GFM, no smartypants: the text is set as published), drop raw HTML, images as their
 *    alt text, refuse a body with nothing left to show, the headline (markdown-limits.ts has
 *    refused too-deep nesting before the parse: renderArticle);
 * 2. block ids, link keys, anchoring the claims, putting them in reading order;
 * 3. the notes, with one citation numbering — then the run stops if anything so far is an error;
 * 4. the author's links as sources (numbered after the cited ones);
 * 5. to HTML; each claim's block for its claim page; paragraph links; the claim markup and notes asides.
 */
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type {} from './article-data.ts';
import { claimBlocksHtml } from './claim-block.ts';
import { imagesAsText } from './images-as-text.ts';
import rehypeClaimMarkup from './rehype-claim-markup.ts';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';
import remarkAnchorClaims from './remark-anchor-claims.ts';
import remarkAuthorLinks, { remarkKeyLinks } from './remark-author-links.ts';
import remarkBlockIds from './remark-block-ids.ts';
import remarkClaimNotes from './remark-claim-notes.ts';
import remarkDropRawHtml from './remark-drop-raw-html.ts';
import remarkHeadline from './remark-headline.ts';
import remarkReadingOrder from './remark-reading-order.ts';

/** The id of the heading that names the source list on pages that show notes. */
export const SOURCES_HEADING_ID = 'sources-heading';

/** Thrown by the run when content errors make the rest pointless; renderArticle reports the messages. */
export class StopRendering extends Error {}

/** Images become their alt text (images-as-text.ts), each with a warning at its place in the body. */
function imagesAlt() {
  return (tree: Root, file: VFile): void => {
    for (const found of imagesAsText(tree, file.path, (line) => line)) {
      const place = found.line !== undefined ? { line: found.line, column: found.column ?? 1 } : undefined;
      file.message(found.reason, { place, ruleId: found.ruleId, source: 'images-as-text' });
    }
  };
}

/** A body that is only raw HTML or link definitions shows nothing: an error, not an empty page. */
function bodyNotEmpty() {
  return (tree: Root, file: VFile): void => {
    if (String(file.value).trim() === '' || !tree.children.every((node) => node.type === 'definition')) return;
    const reason = 'the article has no text after the front matter, only raw HTML or link definitions, which are not shown';
    file.message(reason, { place: { line: 1, column: 1 }, ruleId: 'body-empty', source: 'article-processor' }).fatal = true;
  };
}

/** remark-anchor-claims on the article's claims; its messages placed in annotations.yaml, each an error. */
function anchorClaims() {
  return (tree: Root, file: VFile): void => {
    const { annotations, annotationsFile } = file.data.article!;
    const claims = annotations.claims.map(({ id, quote, prefix, suffix }) => ({ id, quote, prefix, suffix }));
    const before = file.messages.length;
    remarkAnchorClaims({ claims })(tree, file);
    for (const message of file.messages.slice(before)) {
      const id = message.claimId;
      const place = id ? (annotations.positions.claim(id, 'quote') ?? annotations.positions.claim(id)) : undefined;
      Object.assign(message, { file: annotationsFile, line: place?.line, column: place?.column, fatal: true });
      message.ruleId ??= 'anchor';
      if (id) Object.assign(message, { subject: id, subjectKind: 'claim' });
    }
  };
}

/** Any error so far (in either file, anchoring, the notes), or no front matter: stop before rendering HTML. */
function stopOnErrors() {
  return (_tree: Root, file: VFile): void => {
    const data = file.data.article!;
    if (data.inputFailed || !data.frontmatter || file.messages.some((message) => message.fatal)) throw new StopRendering();
  };
}

function authorLinks() {
  return (tree: Root, file: VFile): void =>
    remarkAuthorLinks({ firstNumber: file.data.article!.citations.count() + 1, describedBy: SOURCES_HEADING_ID })(tree, file);
}

/** Each anchored claim's block as a snippet for its claim page, from the HTML before markers and labels are added. */
function claimBlocks() {
  return (tree: HastRoot, file: VFile): void => {
    file.data.article!.claimBlocks = claimBlocksHtml(tree, (file.data.claimAnchors ?? []).map((anchor) => anchor.id));
  };
}

function claimMarkup() {
  return (tree: HastRoot, file: VFile): void => rehypeClaimMarkup({ claims: file.data.article!.markupClaims })(tree, file);
}

export const articleProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDropRawHtml)
  .use(imagesAlt)
  .use(bodyNotEmpty)
  .use(remarkHeadline)
  .use(remarkBlockIds)
  .use(remarkKeyLinks)
  .use(anchorClaims)
  .use(remarkReadingOrder)
  .use(remarkClaimNotes)
  .use(stopOnErrors)
  .use(authorLinks)
  .use(remarkRehype)
  .use(claimBlocks)
  .use(rehypeParagraphLinks)
  .use(claimMarkup)
  .freeze();
