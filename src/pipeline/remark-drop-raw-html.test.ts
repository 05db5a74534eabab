import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkDropRawHtml from './remark-drop-raw-html.ts';

const processor = unified().use(remarkParse).use(remarkDropRawHtml).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
const run = (markdown: string) => {
  const file = new VFile({ path: 'article.md', value: markdown });
  return { html: String(processor.processSync(file)), messages: file.messages };
};

describe('remarkDropRawHtml', () => {
  it('drops raw HTML with a warning at its place', () => {
    const { html, messages } = run('Text.\n\n<div class="x">boxed</div>\n\nA <b>bold</b> word.');
    assert.equal(html, '<p>Text.</p>\n<p>A bold word.</p>');
    assert.deepEqual(messages.map((m) => [m.line, m.column, m.ruleId, m.fatal]), [[3, 1, 'raw-html', false], [5, 3, 'raw-html', false], [5, 10, 'raw-html', false]]);
    assert.match(messages[0]!.reason, /raw HTML is not shown: "<div class=\\"x\\">boxed<\/div>"; write it in Markdown/);
  });

  it('drops comments silently', () => {
    const { html, messages } = run('Text <!-- a note to self --> here.\n\n<!--\nblock\n-->');
    assert.equal(html, '<p>Text  here.</p>');
    assert.deepEqual(messages, []);
  });

  it('shortens long HTML in the message', () => {
    const { messages } = run(`<div>\n${'x'.repeat(60)}\n</div>`);
    assert.match(messages[0]!.reason, /"<div>\\nx{34}…"/);
  });
});
