import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ArticleData } from './article-data.ts';
import remarkHeadline from './remark-headline.ts';

const processor = unified().use(remarkParse).use(remarkHeadline).use(remarkRehype).use(rehypeStringify);
const html = (frontmatter: Partial<NonNullable<ArticleData['frontmatter']>> | undefined, body = 'Text.') =>
  String(processor.processSync(new VFile({ value: body, data: { article: { frontmatter } as ArticleData } })));

describe('remarkHeadline', () => {
  it('puts the title and subtitle before the text, with fixed ids', () => {
    assert.equal(html({ title: 'A *title*', subtitle: 'And more' }), '<h1 id="title">A <em>title</em></h1>\n<h2 id="subtitle">And more</h2>\n<p>Text.</p>');
  });

  it('keeps a title that is not one line of text literal', () => {
    assert.equal(html({ title: '# Not a heading' }), '<h1 id="title"># Not a heading</h1>\n<p>Text.</p>');
  });

  it('adds nothing without front matter', () => {
    assert.equal(html(undefined), '<p>Text.</p>');
  });
});
