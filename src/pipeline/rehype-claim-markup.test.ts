import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeClaimMarkup from './rehype-claim-markup.ts';
import type { MarkupClaim } from './rehype-claim-markup.ts';
import remarkAnchorClaims from './remark-anchor-claims.ts';
import remarkBlockIds from './remark-block-ids.ts';

const note = (text: string): HastRoot => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }],
});

function claim(id: string, number: number, extra: Partial<MarkupClaim> = {}): MarkupClaim {
  return { id, number, kind: 'fact', rating: 'misleading', summary: `Summary ${id}.`, passage: id, note: note(`Note ${id}.`), ...extra };
}

function render(markdown: string, selectors: { id: string; quote: string }[], claims: MarkupClaim[]) {
  const file = new VFile(markdown);
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkBlockIds).use(remarkAnchorClaims, { claims: selectors }).use(remarkRehype);
  const tree = processor.runSync(processor.parse(file), file) as HastRoot;
  unified().use(rehypeClaimMarkup, { claims }).runSync(tree, file);
  return { html: toHtml(tree), file };
}

describe('rehypeClaimMarkup', () => {
  it('labels the passage, adds the marker after it and the notes after the paragraph', () => {
    const { html } = render('Tokyo froze assets. Then more.', [{ id: 'froze', quote: 'Tokyo froze assets' }], [claim('froze', 3)]);
    assert.equal(
      html,
      '<p id="p-tokyo-froze-assets-then">' +
        '<span class="claim" id="claim-froze" data-kind="fact" data-rating="misleading" data-pagefind-title="froze">' +
        '<span class="sr-only">Claim, fact, rated misleading: </span>Tokyo froze assets' +
        '<span class="sr-only"> (end of claim)</span></span>' +
        '<span class="claim-end"><a class="claim-marker" href="#note-froze" id="marker-froze" data-rating="misleading" aria-label="Note 3: Fact, rated misleading">' +
        '<span aria-hidden="true">!</span><span class="claim-marker-n">3</span></a>.</span> Then more.</p>' +
        '<aside class="claim-notes" aria-label="Note 3 on this paragraph">' +
        '<section class="note" id="note-froze" data-rating="misleading">' +
        '<h2 class="note-heading"><span class="note-n"><span class="sr-only">Note </span>3</span> ' +
        '<span class="badge"><span aria-hidden="true">!</span> Misleading</span> <span class="note-kind">Fact</span></h2>' +
        '<p class="note-summary">Summary froze.</p><div class="note-body"><p>Note froze.</p></div>' +
        '<p class="note-links"><a href="claims/froze/">Share<span class="sr-only"> claim 3</span></a></p>' +
        // The place for the report link, filled (or removed) by the page: src/pipeline/note-record.ts.
        '<p class="note-report" data-report="froze"></p>' +
        '</section></aside>',
    );
  });

  it('keeps the marker on one line with the punctuation after it, and only that', () => {
    const glued = render('It fell, then rose.', [{ id: 'fell', quote: 'It fell' }], [claim('fell', 1)]).html;
    assert.match(glued, /<span class="claim-end"><a class="claim-marker"[^>]*>[^]*?<\/a>,<\/span> then rose\.<\/p>/);
    const whole = render('It fell!', [{ id: 'fell', quote: 'It fell' }], [claim('fell', 1)]).html;
    assert.match(whole, /<\/a>!<\/span><\/p>/);
    const plain = render('It fell and rose.', [{ id: 'fell', quote: 'It fell' }], [claim('fell', 1)]).html;
    assert.doesNotMatch(plain, /claim-end/);
    assert.match(plain, /<\/span><a class="claim-marker"[^]*<\/a> and rose\.<\/p>/);
  });

  it('shows the kind for unrated claims', () => {
    const { html } = render('I think so.', [{ id: 'op', quote: 'I think so' }], [claim('op', 1, { kind: 'opinion', rating: undefined })]);
    assert.match(html, /aria-label="Note 1: Opinion, not rated"><span aria-hidden="true">“<\/span>/);
    // The marker and the note take their colour from the kind; the badge from the note around it.
    assert.match(html, /<a class="claim-marker" href="#note-op" id="marker-op" data-kind="opinion"/);
    assert.match(html, /<section class="note" id="note-op" data-kind="opinion"><h2 class="note-heading">[^]*<span class="badge"><span aria-hidden="true">“<\/span> Not rated<\/span>/);
    assert.doesNotMatch(html, /data-rating/);
  });

  it('puts nested claims’ notes in one aside, outer first, and the inner marker inside the outer span', () => {
    const { html } = render(
      'Tokyo, under intense pressure, condemned Moscow.',
      [
        { id: 'inner', quote: 'under intense pressure' },
        { id: 'outer', quote: 'Tokyo, under intense pressure, condemned Moscow' },
      ],
      [claim('outer', 1), claim('inner', 2)],
    );
    assert.match(html, /id="marker-inner"[^]*<\/span><span class="claim-end"><a class="claim-marker" href="#note-outer"/);
    assert.match(html, /aria-label="Notes 1 and 2 on this paragraph"/);
    assert.ok(html.indexOf('id="note-outer"') < html.indexOf('id="note-inner"'));
    assert.equal((html.match(/<aside/g) ?? []).length, 1);
  });

  it('places asides where HTML allows them: list items, tables, blockquotes, headings', () => {
    const { html } = render(
      '- a tight item\n  - nested\n\n| Head |\n|---|\n| a cell |\n\n> a quoted line\n\n## a heading',
      [
        { id: 'li', quote: 'tight item' },
        { id: 'td', quote: 'a cell' },
        { id: 'bq', quote: 'quoted line' },
        { id: 'h', quote: 'a heading' },
      ],
      [claim('li', 1), claim('td', 2), claim('bq', 3), claim('h', 4)],
    );
    assert.match(html, /<li id="p-a-tight-item">a [^]*<\/a>\n?<aside class="claim-notes" aria-label="Note 1 on this list item">[^]*<\/aside>\n?<ul>/);
    assert.match(html, /<\/table><aside class="claim-notes" aria-label="Note 2 on this table"/);
    assert.match(html, /<blockquote>\n<p [^]*<\/p><aside [^]*<\/aside>\n<\/blockquote>/);
    assert.match(html, /<\/h2><aside class="claim-notes" aria-label="Note 4 on this heading"[^]*<h3 class="note-heading"/);
  });

  it('sends notes on the headline to file.data.headNotes', () => {
    const file = new VFile();
    const tree: HastRoot = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'h1',
          properties: { id: 'title' },
          children: [{ type: 'element', tagName: 'span', properties: { className: ['claim'], id: 'claim-t', dataClaim: 't' }, children: [{ type: 'text', value: 'Big news' }] }],
        },
      ],
    };
    unified().use(rehypeClaimMarkup, { claims: [claim('t', 1)] }).runSync(tree, file);
    assert.doesNotMatch(toHtml(tree), /<aside/);
    assert.match(toHtml(tree), /<h1 id="title"><span class="claim"[^]*<a class="claim-marker"/);
    assert.match(toHtml(file.data.headNotes!), /^<aside class="claim-notes" aria-label="Note 1 on the headline">/);
  });
});
