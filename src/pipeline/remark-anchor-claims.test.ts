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
import { VFile } from 'vfile';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import remarkAnchorClaims, { type Claim, type ClaimSelector } from './remark-anchor-claims.ts';

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

  const claimNodes = new Map<string, Claim>();
  visit(mdast, 'claim', (node) => {
    claimNodes.set(node.claimId, node);
  });
  const anchors = file.data.claimAnchors ?? [];
  assert.equal(claimNodes.size, anchors.length, 'one claim node per anchor');
  for (const anchor of anchors) {
    assert.equal(anchor.exact, anchor.blockText.slice(anchor.start, anchor.end));
    assert.equal(toString(claimNodes.get(anchor.id)), anchor.exact, `claim ${anchor.id} wraps its passage`);
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
      { id: 'inner', exact: 'words' },
      { id: 'head', exact: 'headline' },
      { id: 'outer', exact: 'first words of a paragraph' },
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
      exact: 'headline',
      prefixContext: 'A ',
      suffixContext: ' here',
      parentId: undefined,
    },
    {
      id: 'outer',
      blockId: 'p-the-first-words',
      blockText: 'The first words of a paragraph that goes on and on for quite a while longer.',
      start: 4,
      end: 30,
      exact: 'first words of a paragraph',
      prefixContext: 'The ',
      suffixContext: ' that goes on and on for quite a',
      parentId: undefined,
    },
    {
      id: 'inner',
      blockId: 'p-the-first-words',
      blockText: 'The first words of a paragraph that goes on and on for quite a while longer.',
      start: 10,
      end: 15,
      exact: 'words',
      prefixContext: 'The first ',
      suffixContext: ' of a paragraph that goes on and',
      parentId: 'outer',
    },
  ]);
});

test('a split element keeps its id on one half only', async () => {
  const rendered = await render('Some *emphasised words here* today.\n', [{ id: 'c', exact: 'words here today' }], (tree) => {
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
    { id: 'integrity', exact: '"Ukraine\'s territorial integrity"' },
    { id: 'swift', exact: 'excluded Russian banks from the SWIFT system' },
    { id: 'nato', exact: 'It will be the first time a Japanese leader attends an Alliance summit as an observer.' },
    { id: 'treaty', exact: 'Moscow and Tokyo have never signed a proper peace treaty' },
    { id: 'kuril', exact: 'Kunashiri and Etorofu', prefix: 'larger islands of' },
    { id: 'goals', exact: 'engagement and goals in the Pacific, and thus' },
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
    { id: 'missing', exact: 'five six' },
    { id: 'twice', exact: 'One' },
    { id: 'a', exact: 'two three' },
    { id: 'b', exact: 'three four' },
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
  const { file } = await render('A chart ![of sales](x.png) here.\n', [{ id: 'alt', exact: 'sales here' }]);
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
