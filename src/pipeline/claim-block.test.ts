import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { blocksOfClaims, claimBlockHtml } from './claim-block.ts';

/** n paragraphs with one claim each; `reads` counts how often any node's children are read. */
function article(n: number) {
  let reads = 0;
  const counted = <T extends { children: unknown[] }>(node: T): T => {
    const children = node.children;
    return Object.defineProperty(node, 'children', {
      get: () => (reads++, children),
      enumerable: true,
    });
  };
  const paragraph = (i: number): Element =>
    counted<Element>({
      type: 'element',
      tagName: 'p',
      properties: { id: `p-${i}` },
      children: [
        { type: 'text', value: 'The figure ' },
        counted<Element>({ type: 'element', tagName: 'span', properties: { className: ['claim'], id: `claim-c${i}`, dataClaim: `c${i}` }, children: [{ type: 'text', value: `w${i}` }] }),
        { type: 'text', value: ' is right.' },
      ],
    });
  const tree: Root = counted({ type: 'root', children: Array.from({ length: n }, (_, i) => paragraph(i)) });
  return { tree, reads: () => reads };
}

describe('claim blocks', () => {
  it('gives each claim its block, without ids, the claim as <mark>', () => {
    const { tree } = article(3);
    const blocks = blocksOfClaims(tree);
    assert.equal(claimBlockHtml(tree, 'c1', blocks), '<p>The figure <mark>w1</mark> is right.</p>');
    assert.equal(claimBlockHtml(tree, 'c1', blocks), claimBlockHtml(tree, 'c1'));
  });

  it('finds every claim\'s block in one walk: the work grows with the claims, not with their square', () => {
    const work = (n: number) => {
      const { tree, reads } = article(n);
      const blocks = blocksOfClaims(tree);
      for (let i = 0; i < n; i++) claimBlockHtml(tree, `c${i}`, blocks);
      return reads();
    };
    const ratio = work(800) / work(200);
    assert.ok(ratio < 5, `4 times the claims took ${ratio.toFixed(1)} times the tree reads`);
  });
});
