/** The link check over a tiny built site: what must pass, and each thing that must fail. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkSite, formatProblem } from '../../scripts/link-check.ts';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
}

/** A site folder and a content folder beside it, from `{ 'path': 'text' }`. */
function site(files: Record<string, string>): { dist: string; content: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'link-check-'));
  const dist = join(root, 'dist');
  const content = join(root, 'content');
  const all: Record<string, string> = {
    'dist/_headers': `/*\n  Content-Security-Policy: ${POLICY}\n`,
    'dist/index.html': page('<a href="/articles/a/">A</a>'),
    'dist/_astro/site.css': 'body{background:url(/bg.svg)}',
    'dist/bg.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'dist/articles/a/index.html': page(
      `<h1 id="title">A</h1><div class="article-body"><p id="p-1"><span class="claim" id="claim-one">x</span><a href="#note-one" class="claim-marker">1</a></p>` +
        `<aside class="claim-notes"><section class="note" id="note-one" aria-labelledby="note-one-h"><h2 id="note-one-h">1</h2>` +
        `<a href="#claim-one">Back</a> <a href="claims/one/">Claim page</a> <a href="https://example.org/x" rel="noopener noreferrer">ext</a></section></aside></div>`,
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://critical-edition.example/articles/a/">',
    ),
    'dist/articles/a/claims/one/index.html': page('<a href="/articles/a/#claim-one">See it in the article</a><script type="application/ld+json">{"a":1}</script>'),
    'content/articles/a/article.md': '---\ntitle: A\n---\nx\n',
    'content/articles/a/annotations.yaml': '',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { dist, content, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function check(files: Record<string, string>) {
  const s = site(files);
  try {
    return checkSite(s.dist, { contentDir: s.content });
  } finally {
    s.cleanup();
  }
}

test('a site whose links, fragments, ids and inline code all resolve passes', () => {
  assert.deepEqual(check({}).map(formatProblem), []);
});

test('a link to a page that is not in the build fails and names the page it is on', () => {
  const problems = check({ 'dist/index.html': page('<a href="/articles/b/">B</a>') });
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'broken-link');
  assert.equal(problems[0].page, '/');
  assert.match(formatProblem(problems[0]), /index\.html \(\/\): <a href="\/articles\/b\/">: \/articles\/b\/ is not in the build/);
});

test('a missing stylesheet, script, image or CSS url() fails', () => {
  const problems = check({
    'dist/index.html': page('<img src="/gone.png" alt=""><script type="module" src="/_astro/gone.js"></script>', '<link rel="stylesheet" href="/_astro/gone.css">'),
    'dist/_astro/site.css': 'body{background:url(../nothing.svg)}',
  });
  assert.deepEqual(problems.map((p) => p.rule), ['broken-link', 'broken-link', 'broken-link', 'broken-link']);
  assert.ok(problems.some((p) => p.message.includes('url(../nothing.svg)')));
});

test('a fragment that names no id fails, on the same page and on another, and names the content file', () => {
  const broken = page(
    `<h1 id="title">A</h1><div class="article-body"><p id="p-1"><span class="claim" id="claim-one">x</span></p>` +
      `<aside class="claim-notes"><section class="note" id="note-one"><a href="#claim-onne">Back</a></section></aside></div>`,
  );
  const problems = check({
    'dist/articles/a/index.html': broken,
    'dist/articles/a/claims/one/index.html': page('<a href="/articles/a/#claim-two">See it</a>'),
  });
  const messages = problems.map(formatProblem);
  assert.equal(problems.length, 2, messages.join('\n'));
  const same = problems.find((p) => p.page === '/articles/a/')!;
  assert.equal(same.rule, 'broken-fragment');
  assert.match(same.message, /no element with id "claim-onne" on this page/);
  assert.match(same.origin ?? '', /content\/articles\/a\/annotations\.yaml \(claim "one"\)$/);
  const other = problems.find((p) => p.page === '/articles/a/claims/one/')!;
  assert.match(other.message, /no element with id "claim-two" on \/articles\/a\//);
  assert.equal(other.origin, 'src/pages/articles/[slug]/claims/[claim].astro');
});

test('a link to "#" and an aria reference to a missing id fail', () => {
  const problems = check({ 'dist/index.html': page('<a href="#">nowhere</a><p aria-describedby="hint">x</p><label for="q">Q</label>') });
  assert.deepEqual(problems.map((p) => p.rule).sort(), ['broken-fragment', 'broken-idref', 'broken-idref']);
});

test('an id given twice on a page fails and names the content it came from', () => {
  const problems = check({
    'dist/articles/a/index.html': page(
      '<section class="ledger" id="claims"><h2>All claims</h2></section><div class="article-body"><h2 id="claims">Claims</h2><p id="p-1"><span class="claim" id="claim-one">x</span></p></div>',
    ),
  });
  assert.deepEqual(problems.map((p) => [p.rule, p.message]), [
    ['duplicate-id', '<h2 id="claims">: the id "claims" is given to more than one element on this page; links and labels reach only the first'],
  ]);
  assert.match(problems[0]!.origin ?? '', /content\/articles\/a\/article\.md$/);
});

test('an external link without rel="noopener noreferrer" fails', () => {
  const problems = check({ 'dist/index.html': page('<a href="https://example.org/" rel="noopener">x</a>') });
  assert.deepEqual(problems.map((p) => p.rule), ['external-rel']);
});

test('inline code the policy does not allow fails; a hashed inline script passes', () => {
  const code = 'console.log(1)';
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const problems = check({
    'dist/index.html': page(`<script>${code}</script><style>p{}</style><p style="color:red" onclick="x()">x</p><a href="javascript:alert(1)">j</a>`),
  });
  assert.equal(problems.filter((p) => p.rule === 'csp').length, 5, problems.map(formatProblem).join('\n'));
  assert.ok(problems.some((p) => p.message.includes(hash)), 'the message gives the hash to add');

  const allowed = check({
    'dist/_headers': `/*\n  Content-Security-Policy: ${POLICY.replace("script-src 'self'", `script-src 'self' ${hash}`)}\n`,
    'dist/index.html': page(`<script>${code}</script>`),
  });
  assert.deepEqual(allowed.map(formatProblem), []);
});

test('the command exits non-zero on a broken link and zero on a clean site', () => {
  const bad = site({ 'dist/index.html': page('<a href="/missing/">x</a>') });
  const good = site({});
  try {
    const run = (dist: string, content: string) =>
      spawnSync(process.execPath, ['scripts/link-check.ts', dist], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content, BASE_PATH: '', SITE_URL: '' } });
    const failed = run(bad.dist, bad.content);
    assert.equal(failed.status, 1, failed.stderr);
    assert.match(failed.stdout, /\/missing\/ is not in the build/);
    const passed = run(good.dist, good.content);
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  } finally {
    bad.cleanup();
    good.cleanup();
  }
});

test('under a base path, links must carry it', () => {
  const s = site({
    'dist/index.html': page('<a href="/edition/articles/a/#claim-one">ok</a> <a href="/articles/a/">missing the base</a>'),
    'dist/articles/a/index.html': page('<span id="claim-one">x</span>'),
    'dist/articles/a/claims/one/index.html': page('<a href="/edition/articles/a/#claim-one">back</a>'),
    'dist/_astro/site.css': 'body{background:url(/edition/bg.svg)}',
  });
  try {
    const problems = checkSite(s.dist, { base: '/edition/', contentDir: s.content });
    assert.deepEqual(problems.map((p) => p.message), ['<a href="/articles/a/">: /articles/a/ is not in the build']);
    assert.equal(problems[0].page, '/edition/');
  } finally {
    s.cleanup();
  }
});
