/**
 * Tree surgery for mdast inline content: wrap a range of a block's text, as a reader sees it, in
 * a new node, splitting the inline elements (emphasis, links, code) at its edges. The second half
 * of a split element keeps its data but never its id. Used by remark-anchor-claims; knows nothing
 * of claims beyond not splitting a `claim` node (claims nest, they do not split).
 */
import type { Data, Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { textWithoutHtml } from './block-texts.ts';

interface Span {
  start: number;
  end: number;
}


function childSpans(parent: Parent): Span[] {
  let offset = 0;
  return parent.children.map((child) => {
    const start = offset;
    offset += textWithoutHtml(child).length;
    return { start, end: offset };
  });
}

/** Whether a boundary can fall at `offset`: between nodes, or inside text or inline code. */
function splittableAt(node: Nodes, offset: number): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return true;
  if (!('children' in node)) return false;
  const spans = childSpans(node);
  const index = spans.findIndex((span) => span.start < offset && offset < span.end);
  return index === -1 || splittableAt(node.children[index], offset - spans[index].start);
}

export function splittable(block: Parent, { start, end }: Span): boolean {
  return splittableAt(block as Nodes, start) && splittableAt(block as Nodes, end);
}

/**
 * Wrap block-text range [start, end) of `parent` in `wrapper` (its children are replaced). Go
 * down into an element that holds the whole range (and into an outer node of the wrapper's own
 * type, so nesting shows), but never into a link: a claim inside a link would put its marker
 * link inside a link. Otherwise split at both ends and wrap the children between.
 */
export function wrapRange(parent: Parent, start: number, end: number, wrapper: Parent): void {
  const spans = childSpans(parent);
  const holder = parent.children.findIndex((child, index) => {
    const span = spans[index];
    return span.start <= start && end <= span.end && goesInto(child, wrapper.type, span.start === start && span.end === end);
  });
  if (holder !== -1) {
    wrapRange(parent.children[holder] as Parent, start - spans[holder].start, end - spans[holder].start, wrapper);
    return;
  }

  splitChildAt(parent, start, 'left');
  splitChildAt(parent, end, 'right');
  const after = childSpans(parent);
  // Empty nodes (breaks, footnote references) at either edge stay outside.
  const first = after.findIndex((span) => span.start >= start && span.end > span.start);
  const last = after.findLastIndex((span) => span.end <= end && span.end > span.start);
  wrapper.children = parent.children.slice(first, last + 1) as PhrasingContent[];
  parent.children.splice(first, last - first + 1, wrapper as RootContent);
}

function goesInto(child: RootContent, wrapperType: string, coversIt: boolean): boolean {
  if (!('children' in child)) return false;
  if (child.type === wrapperType) return true;
  if (child.type === 'link' || child.type === 'linkReference') return false;
  // A range that is exactly this element wraps the whole element instead.
  return !coversIt;
}

/** Split the child that `offset` falls strictly inside, so a boundary lies between children. */
function splitChildAt(parent: Parent, offset: number, emptyNodesGo: 'left' | 'right'): void {
  const spans = childSpans(parent);
  const index = spans.findIndex((span) => span.start < offset && offset < span.end);
  if (index === -1) return;
  const halves = splitNode(parent.children[index], offset - spans[index].start, emptyNodesGo);
  parent.children.splice(index, 1, ...halves);
}

function splitNode(node: RootContent, offset: number, emptyNodesGo: 'left' | 'right'): [RootContent, RootContent] {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const { position: _position, ...rest } = node;
    return [
      { ...rest, value: node.value.slice(0, offset) },
      { ...rest, value: node.value.slice(offset) },
    ];
  }
  if (!('children' in node) || node.type === 'claim') {
    // Ruled out before: boundaries inside atoms are reported (see splittable), and claims only nest.
    throw new Error(`wrap-range: cannot split a ${node.type} node`);
  }

  const inner = { ...node, children: [...node.children] } as Parent;
  splitChildAt(inner, offset, emptyNodesGo);
  const spans = childSpans(inner);
  const cut = spans.findIndex((span) =>
    emptyNodesGo === 'left' ? span.start >= offset && span.end > span.start : span.start >= offset,
  );
  const { position: _position, ...rest } = node;
  const left = { ...rest, children: inner.children.slice(0, cut) };
  const right = { ...rest, children: inner.children.slice(cut), data: cloneData(node.data) };
  return [left, right] as [RootContent, RootContent];
}

/** The second half of a split element: same data, but never the same id. */
function cloneData(data: Data | undefined): Data | undefined {
  if (!data) return data;
  const copy: Data & { hProperties?: Record<string, unknown> } = { ...data };
  if (copy.hProperties && 'id' in copy.hProperties) {
    const { id: _id, ...properties } = copy.hProperties;
    copy.hProperties = properties;
  }
  return copy;
}
