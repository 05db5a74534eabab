import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { VFile } from 'vfile';
import type { Root as MdastRoot } from 'mdast';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import fc from 'fast-check';
import remarkAnchorClaims, { type Claim, type ClaimSelector } from './remark-anchor-claims.ts';
import { matchQuote } from './quote-match.ts';

const FIXTURES = new URL('./fixtures/anchor/', import.meta.url);
/** `UPDATE_FIXTURES=1` rewrites output.html and messages.json (then review the diff). */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface Rendered {
  html: string;
  file: VFile;
  mdast: MdastRoot;
  hast: HastRoot;
}

/** Lets a test prepare the tree first, as remark-block-ids would. */
function remarkHook(hook?: (tree: MdastRoot) => void) {
  return (tree: MdastRoot): undefined => {
    hook?.(tree);
  };
}

/** remark-parse + gfm + the plugin + remark-rehype + rehype-stringify, keeping both trees to inspect. */
async function render(
  markdown: string,
  claims: ClaimSelector[],
  before?: (tree: MdastRoot) => void,
): Promise<Rendered> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHook, before)
    .use(remarkAnchorClaims, { claims })
    .use(remarkRehype)
    .use(rehypeStringify);
  const file = new VFile(markdown);
  const mdast = processor.parse(file);
  const hast = (await processor.run(mdast, file)) as HastRoot;
  return { html: processor.stringify(hast, file), file, mdast, hast };
}

function messagesOf(file: VFile) {
  return file.messages.map((message) => ({
    ruleId: message.ruleId,
    claimId: message.claimId,
    reason: message.reason,
  }));
}

/** Checks that hold for every rendering, whatever the claims. */
function assertWellFormed({ file, mdast, hast }: Rendered): void {
  const ids: string[] = [];
  visit(hast, 'element', (element) => {
    const id = element.properties.id;
    if (typeof id === 'string') ids.push(id);
  });
  assert.deepEqual(
    ids.filter((id, index) => ids.indexOf(id) !== index),
    [],
    'no duplicate ids',
  );

  visitParents(hast, 'element', (element, ancestors) => {
    if (!String(element.properties.id ?? '').startsWith('claim-')) return;
    const link = ancestors.find((ancestor) => ancestor.type === 'element' && ancestor.tagName === 'a');
    assert.equal(link, undefined, 'a claim never sits inside a link (its marker is a link)');
  });

  const claimNodes = new Map<string, Claim>();
  visit(mdast, 'claim', (node) => {
    claimNodes.set(node.claimId, node);
  });
  const anchors = file.data.claimAnchors ?? [];
  assert.equal(claimNodes.size, anchors.length, 'one claim node per anchor');
  for (const anchor of anchors) {
    assert.equal(anchor.passage, anchor.blockText.slice(anchor.start, anchor.end));
    assert.equal(toString(claimNodes.get(anchor.id)), anchor.passage, `claim ${anchor.id} wraps its passage`);
    assert.equal(toString(anchor.block, { includeHtml: false }), anchor.blockText, 'block text unchanged');
  }
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`fixture: ${name}`, async () => {
    const folder = new URL(`${name}/`, FIXTURES);
    const markdown = readFileSync(new URL('input.md', folder), 'utf8');
    const claims = JSON.parse(readFileSync(new URL('claims.json', folder), 'utf8')) as ClaimSelector[];
    const rendered = await render(markdown, claims);
    const messages = messagesOf(rendered.file);
    const htmlPath = new URL('output.html', folder);
    const messagesPath = new URL('messages.json', folder);

    if (UPDATE) {
      writeFileSync(htmlPath, rendered.html);
      if (messages.length > 0) writeFileSync(messagesPath, JSON.stringify(messages, null, 2) + '\n');
    }
    assert.equal(rendered.html, readFileSync(htmlPath, 'utf8'));
    const expectedMessages = existsSync(messagesPath) ? JSON.parse(readFileSync(messagesPath, 'utf8')) : [];
    assert.deepEqual(messages, expectedMessages);
    assertWellFormed(rendered);
  });
}

test('anchors carry block ids, offsets, context and parents, in text order', async () => {
  const markdown = '# A headline here\n\nThe *first* words of a paragraph that goes on and on for quite a while longer.\n';
  const { file } = await render(
    markdown,
    [
      { id: 'inner', quote: 'words' },
      { id: 'head', quote: 'headline' },
      { id: 'outer', quote: 'first words of a paragraph' },
    ],
    (tree) => {
      tree.children[0].data = { ...tree.children[0].data, blockId: 'title' } as never;
      tree.children[1].data = { blockId: 'p-the-first-words' } as never;
    },
  );
  const anchors = (file.data.claimAnchors ?? []).map(({ block: _block, ...rest }) => rest);
  assert.deepEqual(anchors, [
    {
      id: 'head',
      blockId: 'title',
      blockText: 'A headline here',
      start: 2,
      end: 10,
      passage: 'headline',
      textBefore: 'A ',
      textAfter: ' here',
      parentId: undefined,
    },
    {
      id: 'outer',
      blockId: 'p-the-first-words',
      blockText: 'The first words of a paragraph that goes on and on for quite a while longer.',
      start: 4,
      end: 30,
      passage: 'first words of a paragraph',
      textBefore: 'The ',
      textAfter: ' that goes on and on for quite a',
      parentId: undefined,
    },
    {
      id: 'inner',
      blockId: 'p-the-first-words',
      blockText: 'The first words of a paragraph that goes on and on for quite a while longer.',
      start: 10,
      end: 15,
      passage: 'words',
      textBefore: 'The first ',
      textAfter: ' of a paragraph that goes on and',
      parentId: 'outer',
    },
  ]);
});

test('a split element keeps its id on one half only', async () => {
  const rendered = await render('Some *emphasised words here* today.\n', [{ id: 'c', quote: 'words here today' }], (tree) => {
    visit(tree, 'emphasis', (node) => {
      node.data = { hProperties: { id: 'em-1', className: ['x'] } };
    });
  });
  assert.equal(
    rendered.html,
    '<p>Some <em id="em-1" class="x">emphasised </em><span class="claim" id="claim-c" data-claim="c"><em class="x">words here</em> today</span>.</p>',
  );
  assertWellFormed(rendered);
});

test('the seed article: real claims anchor in its italic standfirst and plain paragraphs', async () => {
  const article = readFileSync(
    new URL('../../content/articles/japans-new-stance-on-russia/article.md', import.meta.url),
    'utf8',
  );
  const body = article.replace(/^---\n[\s\S]*?\n---\n/, '');
  const rendered = await render(body, [
    { id: 'integrity', quote: '"Ukraine\'s territorial integrity"' },
    { id: 'swift', quote: 'excluded Russian banks from the SWIFT system' },
    { id: 'nato', quote: 'It will be the first time a Japanese leader attends an Alliance summit as an observer.' },
    { id: 'treaty', quote: 'Moscow and Tokyo have never signed a proper peace treaty' },
    { id: 'kuril', quote: 'Kunashiri and Etorofu', prefix: 'larger islands of' },
    { id: 'goals', quote: 'engagement and goals in the Pacific, and thus' },
  ]);
  assert.deepEqual(messagesOf(rendered.file), []);
  assert.deepEqual(
    (rendered.file.data.claimAnchors ?? []).map((anchor) => anchor.id),
    ['integrity', 'swift', 'nato', 'treaty', 'kuril', 'goals'],
  );
  assert.match(rendered.html, /<em>.*<span class="claim" id="claim-integrity" data-claim="integrity">“Ukraine’s territorial integrity”<\/span>/);
  assertWellFormed(rendered);
});

test('every problem is reported at once, and nothing throws', async () => {
  const { file } = await render('One two three four. One more.\n', [
    { id: 'missing', quote: 'five six' },
    { id: 'twice', quote: 'One' },
    { id: 'a', quote: 'two three' },
    { id: 'b', quote: 'three four' },
  ]);
  assert.deepEqual(
    file.messages.map((message) => [message.ruleId, message.claimId, message.source]),
    [
      ['quote-not-found', 'missing', 'remark-anchor-claims'],
      ['quote-ambiguous', 'twice', 'remark-anchor-claims'],
      ['claims-overlap', 'a', 'remark-anchor-claims'],
      ['claims-overlap', 'b', 'remark-anchor-claims'],
    ],
  );
  assert.deepEqual((file.data.claimAnchors ?? []).map((anchor) => anchor.id), ['a']);
});

test('a boundary inside an image’s alt text is reported, not guessed', async () => {
  const { file } = await render('A chart ![of sales](x.png) here.\n', [{ id: 'alt', quote: 'sales here' }]);
  assert.deepEqual(messagesOf(file), [
    {
      ruleId: 'quote-not-found',
      claimId: 'alt',
      reason: 'quote starts or ends inside an image’s alt text, which cannot be marked',
    },
  ]);
});

test('fixtures folder is complete', () => {
  for (const name of readdirSync(FIXTURES)) {
    for (const part of ['input.md', 'claims.json', 'output.html']) {
      assert.ok(existsSync(join(FIXTURES.pathname, name, part)), `${name}/${part}`);
    }
  }
});

// --- properties ---------------------------------------------------------------

const VOCABULARY = [
  'Japan', 'Russia’s', '“Free', 'and', 'Open”', 'Indo-Pacific', 'the', 'it’s', '‘quoted’', 'Tokyo', '–',
  'sanctions', '北方領土', 'Россия', '2%', 'G7', 'a', 'of', '(mostly', 'symbolic)', '"straight"', "don't", 'the',
];
const words = fc
  .array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 5 })
  .map((list) => list.join(' '));
const segment = fc.oneof(
  words,
  words.map((text) => `*${text}*`),
  words.map((text) => `**${text}**`),
  words.map((text) => `~~${text}~~`),
  words.map((text) => `\`${text}\``),
  fc.tuple(words, fc.nat(9)).map(([text, n]) => `[${text}](https://x.test/${n})`),
  fc.tuple(words, words).map(([a, b]) => `[*${a}* ${b}](https://x.test/em)`),
  fc.tuple(words, words, words).map(([a, b, c]) => `**${a} *${b}* ${c}**`),
);
const generatedParagraph = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const seedParagraphs = readFileSync(
  new URL('../../content/articles/japans-new-stance-on-russia/article.md', import.meta.url),
  'utf8',
)
  .replace(/^---\n[\s\S]*?\n---\n/, '')
  .split(/\n{2,}/)
  .map((paragraph) => paragraph.trim())
  .filter(Boolean);
const paragraph = fc.oneof(fc.constantFrom(...seedParagraphs), generatedParagraph);

/** The one paragraph's text as the plugin sees it. */
function blockTextOf(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  return toString(tree.children[0], { includeHtml: false });
}

/** A passage [start, end) of the text, not starting or ending in white space. */
function passageIn(text: string, a: number, b: number): { start: number; end: number } | undefined {
  let start = Math.min(a, b) % text.length;
  let end = Math.min(text.length, start + 1 + (Math.max(a, b) % (text.length - start)));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** A selector for [start, end) as an editor might write it, with just enough context to be unique. */
function selectorFor(
  id: string,
  text: string,
  { start, end }: { start: number; end: number },
  style: { straightQuotes: boolean; newlines: boolean },
): ClaimSelector {
  const restyle = (value: string) => {
    let result = value;
    if (style.straightQuotes) result = result.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    if (style.newlines) result = result.replace(/ /g, '\n  ');
    return result;
  };
  const selector: ClaimSelector = { id, quote: restyle(text.slice(start, end)) };
  for (let context = 0; matchQuote(text, selector).status !== 'found'; context += 8) {
    selector.prefix = restyle(text.slice(Math.max(0, start - context), start));
    selector.suffix = restyle(text.slice(end, end + context));
    if (context > text.length) break;
  }
  return selector;
}

function elementById(tree: HastRoot, id: string): HastElement | undefined {
  let found: HastElement | undefined;
  visit(tree, 'element', (element) => {
    if (element.properties.id === id) found = element;
  });
  return found;
}

const style = fc.record({ straightQuotes: fc.boolean(), newlines: fc.boolean() });

test('property: any passage of a paragraph anchors exactly once, text intact', async () => {
  await fc.assert(
    fc.asyncProperty(paragraph, fc.nat(), fc.nat(), style, async (markdown, a, b, selectorStyle) => {
      const text = blockTextOf(markdown);
      const range = passageIn(text, a, b);
      fc.pre(range !== undefined);
      const passage = text.slice(range!.start, range!.end);
      const rendered = await render(markdown, [selectorFor('p', text, range!, selectorStyle)]);

      assert.deepEqual(messagesOf(rendered.file), []);
      const anchors = rendered.file.data.claimAnchors ?? [];
      assert.equal(anchors.length, 1);
      assert.deepEqual([anchors[0].start, anchors[0].end, anchors[0].passage], [range!.start, range!.end, passage]);
      assert.equal(hastToString(elementById(rendered.hast, 'claim-p')!), passage);
      assert.equal(hastToString(rendered.hast.children[0] as HastElement), text, 'the block reads the same');
      assertWellFormed(rendered);
    }),
    { numRuns: 300 },
  );
});

test('property: two passages nest, sit apart, or are reported as overlapping', async () => {
  await fc.assert(
    fc.asyncProperty(paragraph, fc.nat(), fc.nat(), fc.nat(), fc.nat(), async (markdown, a, b, c, d) => {
      const text = blockTextOf(markdown);
      const first = passageIn(text, a, b);
      const second = passageIn(text, c, d);
      fc.pre(first !== undefined && second !== undefined);
      const plain = { straightQuotes: false, newlines: false };
      const rendered = await render(markdown, [
        selectorFor('one', text, first!, plain),
        selectorFor('two', text, second!, plain),
      ]);
      const [x, y] = [first!, second!];
      const crossing = (x.start < y.start && y.start < x.end && x.end < y.end) || (y.start < x.start && x.start < y.end && y.end < x.end);

      if (crossing) {
        assert.deepEqual(
          rendered.file.messages.map((message) => [message.ruleId, message.claimId]).sort(),
          [['claims-overlap', 'one'], ['claims-overlap', 'two']],
        );
        return;
      }
      assert.deepEqual(messagesOf(rendered.file), []);
      const one = elementById(rendered.hast, 'claim-one')!;
      const two = elementById(rendered.hast, 'claim-two')!;
      assert.equal(hastToString(one), text.slice(x.start, x.end));
      assert.equal(hastToString(two), text.slice(y.start, y.end));
      const xHoldsY = x.start <= y.start && y.end <= x.end;
      const yHoldsX = y.start <= x.start && x.end <= y.end;
      // Identical ranges: the second claim nests inside the first.
      if (xHoldsY) assert.ok(elementById({ type: 'root', children: [one] }, 'claim-two'), 'two inside one');
      else if (yHoldsX) assert.ok(elementById({ type: 'root', children: [two] }, 'claim-one'), 'one inside two');
      assert.equal(hastToString(rendered.hast.children[0] as HastElement), text);
      assertWellFormed(rendered);
    }),
    { numRuns: 300 },
  );
});
