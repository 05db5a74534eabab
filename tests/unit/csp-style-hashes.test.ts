/**
 * The CSP-hash integration allows exactly the page's real <style> elements: text that merely
 * reads "<style>" (a summary in a meta description, a comment, a script, a title) must not count
 * nor hide the real one, and a page read from the cache of the last build's pages must not keep
 * an old style allowed. The fast reader of a page's styles (src/built-site/inline-styles.ts) must
 * find exactly what a full parse5 parse finds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStyleHashes } from '../../src/integrations/csp-style-hashes.ts';
import { StyleHashCache } from '../../src/integrations/style-hash-cache.ts';
import { inlineStylesFromTokens, inlineStylesOf } from '../../src/built-site/inline-styles.ts';
import { inlineStyles, parseHtml } from '../../src/built-site/html-tree.ts';

const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

test('a "<style>" in an attribute or comment does not hide the real stylesheet from the policy', () => {
  const dist = mkdtempSync(join(tmpdir(), 'csp-'));
  try {
    const css = 'body{color:#222}';
    mkdirSync(join(dist, 'articles/x'), { recursive: true });
    writeFileSync(join(dist, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self'\n");
    writeFileSync(
      join(dist, 'articles/x/index.html'),
      `<!doctype html><html><head><meta name="description" content="Why <style> tags matter"><!-- <style>old</style> --><style>${css}</style></head><body><p title="<style>x</style>">text</p></body></html>`,
    );
    assert.equal(addStyleHashes(dist), 1);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes(`style-src 'self' ${hash(css)}`), headers);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('with a cache file, a page whose style changed gets its new hash and loses the old one', () => {
  const dist = mkdtempSync(join(tmpdir(), 'csp-'));
  const cacheFile = join(dist, '.cache/csp-style-hashes.json');
  const page = (css: string) => `<!doctype html><html><head><style>${css}</style></head><body><p>text</p></body></html>`;
  try {
    mkdirSync(join(dist, 'a'), { recursive: true });
    mkdirSync(join(dist, 'b'), { recursive: true });
    writeFileSync(join(dist, 'a/index.html'), page('a{color:red}'));
    writeFileSync(join(dist, 'b/index.html'), page('b{color:blue}'));
    const policy = "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self'\n";
    writeFileSync(join(dist, '_headers'), policy);
    assert.equal(addStyleHashes(dist, cacheFile), 2);

    // The next build: page b restyled, page a the same bytes (read from the cache).
    writeFileSync(join(dist, 'b/index.html'), page('b{color:green}'));
    writeFileSync(join(dist, '_headers'), policy);
    assert.equal(addStyleHashes(dist, cacheFile), 2);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes(hash('a{color:red}')) && headers.includes(hash('b{color:green}')), headers);
    assert.ok(!headers.includes(hash('b{color:blue}')), 'the old style is no longer allowed');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('the style cache parses a page once for the same bytes, and ignores a broken or outdated file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-cache-'));
  const file = join(dir, 'csp-style-hashes.json');
  const bytes = Buffer.from('<style>p{margin:0}</style>');
  let parsed = 0;
  const find = () => {
    parsed += 1;
    return [hash('p{margin:0}')];
  };
  try {
    const first = new StyleHashCache(file);
    assert.deepEqual(first.styles(bytes, find), [hash('p{margin:0}')]);
    first.save();
    assert.deepEqual(new StyleHashCache(file).styles(bytes, find), [hash('p{margin:0}')]);
    assert.equal(parsed, 1, 'the second build read the page from the cache');

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, version: 'older code' }));
    new StyleHashCache(file).styles(bytes, find);
    assert.equal(parsed, 2, 'a cache written by other code is not used');

    writeFileSync(file, '{ not json');
    new StyleHashCache(file).styles(bytes, find);
    assert.equal(parsed, 3, 'a broken cache file is an empty cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const treeStyles = (html: string) => inlineStyles(parseHtml(html));

test('only real <style> elements count, in head or body, not the text "<style>" in attributes, comments or raw text', () => {
  const html = [
    '<!doctype html><html><head><title>On <style> tags</title>',
    '<meta name="description" content="Why <style>p{}</style> matters">',
    '<!-- <style>old{}</style> --><style>a{}</style>',
    '<script>document.title = "<style>s{}</style>";</script></head>',
    "<body><textarea><style>t{}</style></textarea><p title='<style>q{}</style>'>x</p>",
    '<xmp><style>x{}</style></xmp><STYLE media="print">b{}</STYLE>',
    '<script type="application/ld+json">{"a":"<style>j{}</style>"}</script></body></html>',
  ].join('');
  assert.deepEqual(inlineStylesFromTokens(html), ['a{}', 'b{}'], 'read from tokens, without the full parse');
  assert.deepEqual(inlineStylesOf(html), treeStyles(html));
});

test('a <style> in a template counts (cloned into the page it applies), the text "<style>" there does not', () => {
  const html = '<template><p title="<style>x{}</style>"></p><style>t{}</style></template><style>a{}</style>';
  assert.deepEqual(inlineStylesOf(html), ['t{}', 'a{}']);
  assert.deepEqual(inlineStylesOf(html), treeStyles(html));
});

test('where the tokens alone could differ from the tree, the page is parsed whole', () => {
  const corners: [string, string[]][] = [
    ['<svg><style>a{}&amp;</style></svg><style>b{}</style>', ['a{}&', 'b{}']],
    ['<style/>a{}</style>', ['a{}']],
    ['<style>a{}</style/><style>b{}</style>', ['a{}', 'b{}']],
    ['<script><!--<script></script><style>x{}</style>--></script><style>b{}</style>', ['b{}']],
    ['<style>a{}\r\nb{}</style>', ['a{}\nb{}']],
    ['<style>a\0{}</style>', ['a\uFFFD{}']],
    ['<!-- x --!><style>a{}</style>-->', ['a{}']],
    ['<![CDATA[ > <style>a{}</style> ]]>', ['a{}']],
    ['<noscript><style>n{}</style></noscript><style>a{}</style>', ['a{}']],
    ['<table><style>a{}</style><div><style>b{}</style></div></table>', ['b{}', 'a{}']],
    ['<select><style>x{}</style></select><style>a{}</style>', ['a{}']],
    ['</p class="><style>a{}</style>">', []],
  ];
  for (const [html, styles] of corners) {
    assert.equal(inlineStylesFromTokens(html), undefined, html);
    assert.deepEqual(inlineStylesOf(html), styles, html);
    assert.deepEqual(styles, treeStyles(html), `the expectation is parse5's: ${html}`);
  }
});

test('on generated markup, the styles read from tokens are always those of the full parse', () => {
  const piece = fc.constantFrom(
    '<style>', '</style>', '<STYLE media="x">', '<style/>', '</style/>', '</style >', 'a{b:c}', '\n', ' ', '&amp;', '<', '>', '"', "'", '/', '=',
    '<!--', '-->', '--!>', '<!-->', '<!--->', '<!x>', '<?x>', '</>', '</ x>', '<![CDATA[', ']]>', '<!doctype html>',
    '<script>', '</script>', '<title>', '</title>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<noscript>', '</noscript>',
    '<template>', '</template>', '<svg>', '</svg>', '<math>', '<select>', '<table>', '<td>', '</table>', '<col>',
    '<div>', '</div>', '<p>', '</p>', '<b>', '</b>', '<a href=x>', '</a>', '<pre>', '<head>', '</head>', '<body>', '</body>', '</html>',
    '<p title="', '<p title=\'', '<meta content=', '<br/>', '<br / >', '\r', '\0', '<!--<script>', '</p t="',
  );
  let fromTokens = 0;
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const html = pieces.join('');
      const expected = treeStyles(html);
      const fast = inlineStylesFromTokens(html);
      if (fast) {
        fromTokens += 1;
        assert.deepEqual(fast, expected, JSON.stringify(html));
      }
      assert.deepEqual(inlineStylesOf(html), expected, JSON.stringify(html));
    }),
    { numRuns: 3000 },
  );
  assert.ok(fromTokens > 300, `only ${fromTokens} of 3000 pages were read from tokens: the comparison says little`);
});
