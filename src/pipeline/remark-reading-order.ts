/**
 * remark plugin: puts the anchored claims (`file.data.claimAnchors`, from remark-anchor-claims)
 * in reading order, the order a reader meets their markers (reading-order.ts), so that every
 * later plugin numbers them that way: the notes, their citations, the markers.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { textOffsets } from './block-texts.ts';
import { inReadingOrder } from './reading-order.ts';
import type {} from './remark-anchor-claims.ts';

export default function remarkReadingOrder() {
  return (tree: Root, file: VFile): void => {
    const anchors = file.data.claimAnchors;
    if (!anchors || anchors.length < 2) return;
    const offsets = textOffsets(tree);
    file.data.claimAnchors = inReadingOrder(
      anchors.map((anchor) => {
        const at = offsets.get(anchor.block) ?? 0;
        return { anchor, start: at + anchor.start, end: at + anchor.end };
      }),
    ).map(({ anchor }) => anchor);
  };
}
