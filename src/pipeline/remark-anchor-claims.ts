/**
 * remark plugin: anchor claims in the text. For each claim's text-quote
 * selector it finds the one passage of the rendered text it quotes (see
 * `quote-match.ts`) and wraps that passage in a `claim` node, which becomes
 * `<span class="claim" id="claim-ID" data-claim="ID">` in HTML. A passage may
 * cross emphasis, strong, delete, links and inline code, but not a block.
 *
 * Every problem (not found, ambiguous, partial overlap) is a message on the
 * file with `message.claimId`; nothing throws and nothing is skipped silently.
 * Results go to `file.data.claimAnchors`, in text order.
 */
import type { Data, Parent, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { textWithoutHtml } from './block-texts.ts';
import { hiddenCharacterHint } from './invisible-characters.ts';
import { matchQuote, matchQuoteInTexts } from './quote-match.ts';
import { splittable, wrapRange } from './wrap-range.ts';

export interface ClaimSelector {
  id: string;
  /** The editor's quote (annotations' `quote`). */
  quote: string;
  prefix?: string;
  suffix?: string;
}

export interface AnchorClaimsOptions {
  claims: ClaimSelector[];
}

export interface ClaimAnchor {
  id: string;
  /** `data.blockId` of the block, when an earlier plugin gave it one. */
  blockId?: string;
  /** The mdast block (paragraph, heading, table cell) that holds the passage. */
  block: Parent;
  /** The block's text as a reader sees it (`mdast-util-to-string`, raw HTML left out). */
  blockText: string;
  /** Offsets of the passage in `blockText`. */
  start: number;
  end: number;
  /** The passage as it stands in the text: `blockText.slice(start, end)`. */
  passage: string;
  /** Up to 32 characters of block text before and after (W3C TextQuoteSelector). */
  textBefore: string;
  textAfter: string;
  /** The claim this one lies inside, if any. */
  parentId?: string;
}

export interface ClaimData extends Data {
  hName: 'span';
  hProperties: { className: string[]; id: string; dataClaim: string };
}

/** A claim's passage in the tree. */
export interface Claim extends Parent {
  type: 'claim';
  claimId: string;
  children: PhrasingContent[];
  data: ClaimData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    claim: Claim;
  }
  interface RootContentMap {
    claim: Claim;
  }
}

declare module 'vfile' {
  interface DataMap {
    claimAnchors: ClaimAnchor[];
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The claim a message is about (set by remark-anchor-claims). */
    claimId?: string;
  }
}

const SOURCE = 'remark-anchor-claims';
const AROUND_LENGTH = 32;
/** Nodes whose children are phrasing content: each is one block of text. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

interface Block {
  node: Parent;
  id?: string;
  text: string;
}

/** A claim found in one block, before nesting is settled. */
interface Placement {
  id: string;
  order: number;
  blockIndex: number;
  start: number;
  end: number;
  parentId?: string;
}

export default function remarkAnchorClaims(options: AnchorClaimsOptions) {
  const claims = options.claims;

  return function transformer(tree: Root, file: VFile): void {
    const blocks = collectBlocks(tree);
    const texts = blocks.map((block) => block.text);
    const report = (claimId: string, ruleId: string, reason: string) => {
      const message = file.message(reason, { ruleId, source: SOURCE });
      message.claimId = claimId;
    };

    const found: Placement[] = [];
    claims.forEach((claim, order) => {
      const result = matchQuoteInTexts(texts, claim);
      if (result.status === 'found') {
        const placement = { id: claim.id, order, blockIndex: result.index, start: result.start, end: result.end };
        if (splittable(blocks[placement.blockIndex].node, placement)) found.push(placement);
        else report(claim.id, 'quote-not-found', 'quote starts or ends inside an image’s alt text, which cannot be marked');
      } else if (result.status === 'ambiguous') {
        report(
          claim.id,
          'quote-ambiguous',
          `quote matches ${result.count} places; add a prefix or suffix (the text just before or after it) to pick one`,
        );
      } else {
        report(claim.id, 'quote-not-found', notFoundReason(texts, claim, result));
      }
    });

    const placed = settleNesting(found, (a, b) => {
      const reason = (other: string) =>
        `quote partly overlaps claim "${other}"; claims may nest (one wholly inside the other) but not partly overlap`;
      report(a.id, 'claims-overlap', reason(b.id));
      report(b.id, 'claims-overlap', `${reason(a.id)} (this claim is left unmarked)`);
    });

    // Outer claims come first, so an inner one finds its outer claim node and goes inside it.
    const anchors: ClaimAnchor[] = [];
    for (const placement of placed) {
      const block = blocks[placement.blockIndex];
      wrapRange(block.node, placement.start, placement.end, claimNode(placement.id));
      anchors.push(toAnchor(block, placement));
    }
    file.data.claimAnchors = anchors;
  };
}

function collectBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  visit(tree, (node) => {
    if (!BLOCK_TYPES.has(node.type)) return;
    const parent = node as Parent;
    const blockId = (parent.data as { blockId?: unknown } | undefined)?.blockId;
    blocks.push({
      node: parent,
      id: typeof blockId === 'string' ? blockId : undefined,
      text: textWithoutHtml(parent),
    });
    return SKIP;
  });
  return blocks;
}


function notFoundReason(
  texts: string[],
  claim: ClaimSelector,
  result: { closest?: { text: string }; quoteCount: number },
): string {
  let reason = 'quote not found';
  if (result.quoteCount > 0) {
    reason = `quote found ${result.quoteCount} ${result.quoteCount === 1 ? 'time' : 'times'}, but not with the given prefix/suffix`;
  } else if (claim.quote.trim() === '') {
    return 'quote is empty';
  } else if (matchQuote(texts.join(' '), { quote: claim.quote }).status !== 'not-found') {
    reason += ' within one block: it runs from one paragraph, heading or list item into the next';
  }
  // One line per message, whatever line breaks the article's Markdown source had.
  const hint = hiddenCharacterHint(claim.quote, result.closest?.text);
  return result.closest ? `${reason}; closest passage: "${result.closest.text.replace(/\s+/g, ' ')}"${hint}` : `${reason}; no passage comes close${hint}`;
}

/**
 * Settle nesting per block: sorted by start, longer first, a claim lies inside
 * the innermost open claim that contains it. Identical ranges: the later claim
 * (in the claims list) nests inside the earlier. A claim that partly overlaps an
 * open one is reported (with every claim it crosses) and left unmarked.
 */
function settleNesting(found: Placement[], onOverlap: (kept: Placement, dropped: Placement) => void): Placement[] {
  const sorted = [...found].sort(
    (a, b) => a.blockIndex - b.blockIndex || a.start - b.start || b.end - a.end || a.order - b.order,
  );
  const placed: Placement[] = [];
  let open: Placement[] = [];

  for (const placement of sorted) {
    if (open.length > 0 && open[0].blockIndex !== placement.blockIndex) open = [];
    while (open.length > 0 && open[open.length - 1].end <= placement.start) open.pop();
    const crossed = open.filter((other) => other.end < placement.end);
    if (crossed.length > 0) {
      for (const other of crossed) onOverlap(other, placement);
      continue;
    }
    placement.parentId = open[open.length - 1]?.id;
    open.push(placement);
    placed.push(placement);
  }
  return placed;
}

function claimNode(id: string): Claim {
  return {
    type: 'claim',
    claimId: id,
    children: [],
    data: { hName: 'span', hProperties: { className: ['claim'], id: `claim-${id}`, dataClaim: id } },
  };
}

function toAnchor(block: Block, { id, start, end, parentId }: Placement): ClaimAnchor {
  const text = block.text;
  return {
    id,
    blockId: block.id,
    block: block.node,
    blockText: text,
    start,
    end,
    passage: text.slice(start, end),
    textBefore: text.slice(safeCut(text, start - AROUND_LENGTH), start),
    textAfter: text.slice(end, safeCut(text, end + AROUND_LENGTH)),
    parentId,
  };
}

/** Clamp an offset into the text, never between the two halves of a surrogate pair. */
function safeCut(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(text.length, offset));
  const code = text.charCodeAt(clamped);
  return code >= 0xdc00 && code <= 0xdfff && clamped > 0 ? clamped + (offset < 0 ? 0 : 1) : clamped;
}
