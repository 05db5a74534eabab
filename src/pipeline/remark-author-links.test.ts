import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkAnchorClaims from './remark-anchor-claims.ts';
import remarkAuthorLinks, { remarkKeyLinks } from './remark-author-links.ts';

function run(markdown: string, options: { firstNumber?: number; claims?: { id: string; quote: string }[] } = {}) {
  const file = new VFile(markdown);
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkKeyLinks);
  if (options.claims) processor.use(remarkAnchorClaims, { claims: options.claims });
  const html = String(
    processor.use(remarkAuthorLinks, { firstNumber: options.firstNumber }).use(remarkRehype).use(rehypeStringify).processSync(file),
  );
  return { html, links: file.data.authorLinks ?? [], messages: file.messages };
}

describe('remarkAuthorLinks', () => {
  it('turns # and empty links into plain text', () => {
    const { html, links } = run('Its [goals in the Pacific](#) and [more]().');
    assert.equal(html, '<p>Its goals in the Pacific and more.</p>');
    assert.deepEqual(links, []);
  });

  it('keeps a real link as text plus a footnote reference numbered after the cited sources', () => {
    const { html, links } = run('See [the report](https://example.org/r) now.', { firstNumber: 4 });
    assert.equal(
      html,
      '<p>See the report<sup class="cite cite-link"><a href="#source-4" id="ref-link-1" aria-describedby="sources-heading">4</a></sup> now.</p>',
    );
    assert.deepEqual(links, [{ url: 'https://example.org/r', text: 'the report', number: 4, backrefId: 'ref-link-1' }]);
  });

  it('gives one number to one URL linked twice, with a back-ref per place', () => {
    const { links } = run('[a](https://x.org/) and [b](https://x.org/) and [c](https://y.org/)');
    assert.deepEqual(
      links.map((l) => [l.number, l.backrefId]),
      [
        [1, 'ref-link-1'],
        [1, 'ref-link-2'],
        [2, 'ref-link-3'],
      ],
    );
  });

  it('never renders javascript:, data: or relative links as links, and warns', () => {
    const { html, messages } = run('[x](javascript:alert(1)) [y](data:text/html,hi) [z](/local)');
    assert.equal(html, '<p>x y z</p>');
    assert.equal(messages.length, 3);
    assert.ok(messages.every((m) => m.ruleId === 'url-scheme'));
  });

  it('resolves reference-style links', () => {
    const { links } = run('[text][ref]\n\n[ref]: https://example.org/ref');
    assert.deepEqual(links.map((l) => l.url), ['https://example.org/ref']);
  });

  it('puts one reference after a link that a claim boundary split', () => {
    const { html, links } = run('Read [the long report](https://x.org/) today.', {
      claims: [{ id: 'c', quote: 'Read the long' }],
    });
    assert.equal(links.length, 1);
    assert.equal(links[0]?.text, 'the long report');
    assert.equal((html.match(/<sup/g) ?? []).length, 1);
    assert.match(html, /<span class="claim" id="claim-c" data-claim="c">Read the long<\/span> report<sup/);
  });
});
