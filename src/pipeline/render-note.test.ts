import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderNote } from './render-note.ts';
import type { CitationTarget } from './render-note.ts';

/** A `cite` that knows sources a, b and c, numbered on first use like renderArticle's. */
function citer(prefix = 'cite-x') {
  const numbers = new Map<string, number>();
  let count = 0;
  return (id: string): CitationTarget | undefined => {
    if (!['a', 'b', 'c'].includes(id)) return undefined;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return { number: numbers.get(id)!, backrefId: `${prefix}-${++count}` };
  };
}

const render = (markdown: string) => renderNote(markdown, { claimId: 'x', cite: citer() });

describe('renderNote: sanitising', () => {
  it('never lets a <script> element through', () => {
    const { html, dropped } = render('Before <script>alert(1)</script> after\n\n<script>\nalert(2)\n</script>');
    assert.doesNotMatch(html, /<script/i);
    assert.ok(dropped.some((d) => d.includes('<script>')));
  });

  it('drops <img onerror> and does not render images at all', () => {
    const { html } = render('<img src="x" onerror="alert(1)">\n\nAnd ![a chart](https://example.org/c.png) here.');
    assert.doesNotMatch(html, /<img|onerror/i);
    assert.match(html, /And a chart here\./);
  });

  it('shows javascript:, data:, protocol-relative and relative links as their text, and lists them', () => {
    const { html, unlinked } = render('[one](javascript:alert(1)) [two](data:text/html,<b>x</b>) [three](JAVASCRIPT:alert(1)) [four](//other.example/) [five](../x/)');
    assert.doesNotMatch(html, /javascript|data:|<a|other\.example/i);
    assert.match(html, /one two three four five/);
    assert.deepEqual(unlinked, ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JAVASCRIPT:alert(1)', '//other.example/', '../x/']);
  });

  it('keeps http, https and mailto links', () => {
    const { html } = render('[w](https://example.org/a) [p](http://example.org) [m](mailto:desk@example.org)');
    assert.match(html, /href="https:\/\/example.org\/a"/);
    assert.match(html, /href="http:\/\/example.org"/);
    assert.match(html, /href="mailto:desk@example.org"/);
    // Links that leave the site carry rel="noopener noreferrer"; mailto needs none.
    assert.equal(html.match(/rel="noopener noreferrer"/g)?.length, 2);
  });

  it('does not render raw HTML as HTML, and reports it', () => {
    const { html, dropped } = render('Some <b onclick="x()">bold</b> and <div>block</div> text.');
    assert.doesNotMatch(html, /<b|<div|onclick/);
    assert.match(html, /bold/);
    assert.ok(dropped.length > 0);
  });

  it('drops HTML comments without a report', () => {
    const { html, dropped } = render('Text.\n\n<!-- check this again -->');
    assert.equal(html, '<p>Text.</p>');
    assert.deepEqual(dropped, []);
  });

  it('gives no element an id except citation links', () => {
    const { html } = render('# Heading\n\nText [^a]\n\n[^zz]: a definition');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['cite-x-1']);
    assert.match(html, /<h3>Heading<\/h3>/, 'note headings sit below the note’s own heading');
  });
});

describe('renderNote: citations', () => {
  it('turns [^id] into numbered links with page-unique back-ref ids', () => {
    const note = render('One [^b], two [^a][^b].');
    assert.equal(
      note.html,
      '<p>One <sup class="cite"><a href="#source-1" id="cite-x-1" aria-describedby="sources-heading">1</a></sup>, ' +
        'two <sup class="cite"><a href="#source-2" id="cite-x-2" aria-describedby="sources-heading">2</a></sup>' +
        '<sup class="cite"><a href="#source-1" id="cite-x-3" aria-describedby="sources-heading">1</a></sup>.</p>',
    );
    assert.deepEqual(note.citedSourceIds, ['b', 'a']);
    assert.deepEqual(note.unknownSourceIds, []);
  });

  it('leaves an unknown citation as written and reports it', () => {
    const note = render('See [^nope] and [^a].');
    assert.match(note.html, /See \[\^nope\] and <sup/);
    assert.deepEqual(note.unknownSourceIds, ['nope']);
    assert.deepEqual(note.citedSourceIds, ['a']);
  });

  it('does not treat [^id] in code as a citation', () => {
    const note = render('Write `[^a]` to cite.');
    assert.match(note.html, /<code>\[\^a\]<\/code>/);
    assert.deepEqual(note.citedSourceIds, []);
  });

  it('moves a citation written inside link text to after the link', () => {
    const note = render('[the report [^c]](https://example.org) says so');
    assert.match(note.html, /<a href="https:\/\/example.org" rel="noopener noreferrer">the report <\/a><sup class="cite"><a href="#source-1"/);
    assert.doesNotMatch(note.html, /<a [^>]*>[^<]*<sup/);
  });

  it('uses the back-ref ids `cite` gives, e.g. for the article assessment', () => {
    const note = renderNote('Overall [^a].', { cite: citer('ref-assessment') });
    assert.match(note.html, /id="ref-assessment-1"/);
  });

  it('treats a GFM footnote with a definition as a citation and drops the definition', () => {
    const note = render('Claim [^a].\n\n[^a]: not the place for this');
    assert.match(note.html, /<sup class="cite"><a href="#source-1" id="cite-x-1"/);
    assert.doesNotMatch(note.html, /not the place|footnote/);
    assert.equal(note.dropped.length, 1);
  });
});
