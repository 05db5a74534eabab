/**
 * remark plugin: give every block of the article a stable id.
 *
 * Claims, notes and claim pages point at blocks by id, and readers share
 * `#p-…` links, so an id must survive edits elsewhere in the article. That is
 * why ids come from a block's own words, not from its index.
 */
import type { Heading, ListItem, Nodes, Paragraph, Parents, Root, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { BLOCK_TYPES } from '../model/blocks.ts';
import { isReservedId } from './page-ids.ts';

/** The blocks that get ids: the same blocks that claims anchor in. */
type Block = Paragraph | Heading | TableCell;

/**
 * A github-slugger-like slug limited to ASCII: accents dropped, apostrophes
 * removed ("Japan’s" → "japans"), every other run of non-alphanumerics → one hyphen.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The first `count` words of a block's text, slugged. */
function firstWordsSlug(text: string, count: number): string {
  return slugify(text).split('-').filter(Boolean).slice(0, count).join('-');
}

/** Makes ids unique in one document: the second `x` becomes `x-2`, the third `x-3`. */
function createIdRegistry(taken: Iterable<string>) {
  const used = new Set(taken);
  return (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

function isBlock(node: Nodes): node is Block {
  return BLOCK_TYPES.has(node.type);
}

function setId(node: Nodes, id: string): void {
  node.data ??= {};
  node.data.hProperties = { ...node.data.hProperties, id };
}

/**
 * In a tight list, remark-rehype unwraps the item's paragraph (no `<p>`), so the
 * paragraph's id would be lost: the `<li>` carries it instead.
 */
function tightListItemOf(paragraph: Paragraph, ancestors: Parents[]): ListItem | undefined {
  const item = ancestors.at(-1);
  const list = ancestors.at(-2);
  if (item?.type !== 'listItem' || list?.type !== 'list') return undefined;
  const loose = Boolean(list.spread) || list.children.some((child) => child.spread);
  if (loose || item.children.find((child) => child.type === 'paragraph') !== paragraph) return undefined;
  return item;
}

export interface BlockIdsOptions {
  /** Words of a paragraph that make its id; default 4. */
  words?: number;
}

/**
 * Sets `data.blockId` and `data.hProperties.id` on every paragraph (`p-<first words>`),
 * heading (`<slug of its text>`) and table cell (`cell-<first words>`), in blockquotes
 * and lists too. Nodes that already have a `blockId` (the title, the subtitle) keep it.
 */
export default function remarkBlockIds(options: BlockIdsOptions = {}) {
  const words = options.words ?? 4;
  return (tree: Root): void => {
    const blocks: { node: Block; ancestors: Parents[] }[] = [];
    const existing: string[] = [];
    visitParents(tree, (node, ancestors) => {
      if (!isBlock(node)) return;
      if (node.data?.blockId) existing.push(node.data.blockId);
      else blocks.push({ node, ancestors: [...ancestors] });
    });

    const unique = createIdRegistry(existing);
    let ordinal = 0;
    for (const { node, ancestors } of blocks) {
      ordinal++;
      const text = toString(node);
      let id: string;
      if (node.type === 'heading') {
        const slug = slugify(text);
        id = unique(slug === '' ? `h-${ordinal}` : isReservedId(slug) ? `h-${slug}` : slug);
      } else {
        const prefix = node.type === 'paragraph' ? 'p' : 'cell';
        const slug = firstWordsSlug(text, words);
        id = unique(slug === '' ? `${prefix}-${ordinal}` : `${prefix}-${slug}`);
      }
      node.data ??= {};
      node.data.blockId = id;
      const item = node.type === 'paragraph' ? tightListItemOf(node, ancestors) : undefined;
      setId(item ?? node, id);
    }
  };
}

declare module 'mdast' {
  interface Data {
    /** The id of a block (paragraph, heading, table cell), set by remark-block-ids. */
    blockId?: string;
  }
}
