import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkBlockIds, { slugify } from './remark-block-ids.ts';

const html = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkBlockIds).use(remarkRehype).use(rehypeStringify).processSync(markdown));
const ids = (markdown: string) => [...html(markdown).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);

describe('remarkBlockIds', () => {
  it('names paragraphs by their first four words', () => {
    assert.deepEqual(ids('Japan has emphasized its desire to increase.'), ['p-japan-has-emphasized-its']);
  });

  it('slugs like github-slugger, in ASCII', () => {
    assert.equal(slugify('Japan’s “Free and Open” Indo-Pacific — Café 2%'), 'japans-free-and-open-indo-pacific-cafe-2');
    assert.deepEqual(ids('*Japanese-Russian* relations, might be.'), ['p-japanese-russian-relations-might']);
  });

  it('de-duplicates with -2, -3', () => {
    assert.deepEqual(ids('Same four words here.\n\nSame four words here too.\n\nSame four words here again.'), [
      'p-same-four-words-here',
      'p-same-four-words-here-2',
      'p-same-four-words-here-3',
    ]);
  });

  it('is stable when other paragraphs are inserted', () => {
    const before = ids('First one here.\n\nSecond one here.');
    const after = ids('New paragraph first.\n\nFirst one here.\n\nSecond one here.');
    assert.deepEqual(after.slice(1), before);
  });

  it('falls back to p-<n> when a paragraph has no letters or digits', () => {
    assert.deepEqual(ids('Text.\n\n— … —'), ['p-text', 'p-2']);
  });

  it('names headings by their text, keeping clear of reserved ids', () => {
    assert.deepEqual(ids('## The Kuril Islands\n\n## Title\n\n## Note 3'), ['the-kuril-islands', 'h-title', 'h-note-3']);
  });

  it('covers blockquotes, lists and table cells', () => {
    const out = html('> Quoted text here.\n\n- tight item\n- other item\n\n1. loose one\n\n2. loose two\n\n| Head |\n|---|\n| Cell text |');
    assert.match(out, /<blockquote>\n<p id="p-quoted-text-here">/);
    assert.match(out, /<li id="p-tight-item">tight item<\/li>/, 'a tight item has no <p>: the <li> carries the id');
    assert.match(out, /<li>\n<p id="p-loose-one">/);
    assert.match(out, /<th id="cell-head">/);
    assert.match(out, /<td id="cell-cell-text">/);
  });

  it('leaves blocks that already have an id, and avoids theirs', () => {
    const tree = unified().use(remarkParse).parse('Title.');
    tree.children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Title' }], data: { blockId: 'title', hProperties: { id: 'title' } } });
    unified().use(remarkBlockIds).runSync(tree);
    const [heading, paragraph] = tree.children;
    assert.equal(heading?.data?.blockId, 'title');
    assert.equal(paragraph?.data?.blockId, 'p-title');
  });
});
