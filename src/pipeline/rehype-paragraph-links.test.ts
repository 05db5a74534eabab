import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';
import remarkBlockIds from './remark-block-ids.ts';

function render(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkBlockIds).use(remarkRehype).use(rehypeParagraphLinks);
  return toHtml(processor.runSync(processor.parse(markdown)) as HastRoot);
}

/** The word joiner (U+2060) in it keeps the ¶ from starting a line alone. */
const link = (id: string) =>
  `<a class="paragraph-link" href="#${id}" aria-label="Link to this paragraph" data-pagefind-ignore>\u2060<span aria-hidden="true">¶</span></a>`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('rehypeParagraphLinks', () => {
  it('ends every paragraph and heading with a link to its own id', () => {
    const html = render('## A heading\n\nFirst words of it.');
    assert.equal(html, `<h2 id="a-heading">A heading${link('a-heading')}</h2>\n<p id="p-first-words-of-it">First words of it.${link('p-first-words-of-it')}</p>`);
  });

  it('puts the link of a tight list item before its nested list', () => {
    const html = render('- outer item\n  - inner item');
    assert.match(html, new RegExp(`<li id="p-outer-item">outer item${escape(link('p-outer-item'))}\\n<ul>`));
    assert.equal(html.match(/class="paragraph-link"/g)?.length, 2);
  });

  it('gives table cells, the title and the subtitle no link', () => {
    const table = render('| a | b |\n|---|---|\n| c | d |');
    assert.doesNotMatch(table, /paragraph-link/);
    const tree: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'h1', properties: { id: 'title' }, children: [{ type: 'text', value: 'T' }] }] };
    unified().use(rehypeParagraphLinks).runSync(tree);
    assert.equal(toHtml(tree), '<h1 id="title">T</h1>');
  });
});
