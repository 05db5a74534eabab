/**
 * The fixture articles (tests/fixtures/content, written only from the content contract) through a
 * real `astro build`: every claim anchored exactly, nested claims inside their outer claim,
 * headline claims in the headline, claims in headings, quotes, list items and table cells, notes
 * sanitised, one claim id in two articles, articles with no claims — and the result passes the
 * link check and the Nu Html Checker. Expectations come from the content files, read here.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite, formatProblem } from '../../scripts/link-check.ts';
import {
  FIXTURES, all, astroBuild, attr, byId, closest, filesUnder, folders, hasClass, isInside, normalise,
  pagefind, readArticles, readPage, readerText, textAround, type El,
} from './support.ts';

const { dist, cache } = folders('fixtures');
const articles = readArticles();
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th']);

let build: ReturnType<typeof astroBuild>;
before(() => {
  build = astroBuild({ content: FIXTURES, dist, cache, clean: true });
});

test('the fixture content builds', () => {
  assert.equal(build.status, 0, build.output.slice(-3000));
  for (const article of articles) assert.ok(existsSync(join(dist, 'articles', article.slug, 'index.html')), article.slug);
});

for (const article of articles) {
  describe(`fixture ${article.slug}`, () => {
    test('every claim is one element whose text is its quote, in the place its prefix and suffix pick', () => {
      const page = readPage(dist, `articles/${article.slug}`);
      for (const claim of article.claims) {
        const found = byId(page, `claim-${claim.id}`);
        assert.equal(found.length, 1, `claim ${claim.id}: one element with its id`);
        const element = found[0];
        assert.equal(normalise(readerText(element)), normalise(claim.quote), `claim ${claim.id}: the marked text`);
        const block = closest(element, (n) => BLOCK.has(n.tagName ?? '') || attr(n, 'id') === 'subtitle')!;
        assert.ok(block, `claim ${claim.id} lies in a block`);
        const { text, start, end } = textAround(block, element);
        if (claim.prefix) assert.ok(normalise(text.slice(0, start)).endsWith(normalise(claim.prefix)), `claim ${claim.id}: preceded by its prefix`);
        if (claim.suffix) assert.ok(normalise(text.slice(end)).startsWith(normalise(claim.suffix)), `claim ${claim.id}: followed by its suffix`);
        // The passage is found in the block exactly once or, if more often, the prefix or suffix was needed.
        const occurrences = normalise(text).split(normalise(claim.quote)).length - 1;
        assert.ok(occurrences === 1 || claim.prefix || claim.suffix, `claim ${claim.id}: ${occurrences} matches without prefix/suffix`);
      }
    });

    test('a claim whose passage lies within another\'s is nested inside its element', () => {
      const page = readPage(dist, `articles/${article.slug}`);
      const placed = article.claims.map((claim) => {
        const element = byId(page, `claim-${claim.id}`)[0];
        const block = closest(element, (n) => BLOCK.has(n.tagName ?? '') || attr(n, 'id') === 'subtitle')!;
        return { id: claim.id, element, block, ...textAround(block, element) };
      });
      for (const inner of placed) {
        for (const outer of placed) {
          if (inner === outer || inner.block !== outer.block) continue;
          const within = outer.start <= inner.start && inner.end <= outer.end;
          const same = outer.start === inner.start && inner.end === outer.end;
          if (within && !same) assert.ok(isInside(inner.element, outer.element), `${inner.id} lies inside ${outer.id}`);
          const partly = inner.start < outer.start && outer.start < inner.end && inner.end < outer.end;
          assert.ok(!partly, `${inner.id} and ${outer.id} partly overlap`);
        }
      }
    });

    test('claims on the headline are marked in the h1 (or the subtitle), with their notes on the page', () => {
      const page = readPage(dist, `articles/${article.slug}`);
      const h1s = all(page, (n) => n.tagName === 'h1');
      assert.equal(h1s.length, 1);
      assert.equal(normalise(readerText(h1s[0])).trim(), normalise(article.frontmatter.title));
      for (const claim of article.claims) {
        const element = byId(page, `claim-${claim.id}`)[0];
        const inTitle = normalise(article.frontmatter.title).includes(normalise(claim.quote));
        const inSubtitle = normalise(article.frontmatter.subtitle ?? '').includes(normalise(claim.quote));
        if (inTitle && !inSubtitle) assert.ok(isInside(element, h1s[0]), `${claim.id} in the h1`);
        if (inSubtitle && !inTitle) assert.ok(closest(element, (n) => attr(n, 'id') === 'subtitle'), `${claim.id} in the subtitle`);
        // Every marked passage has its note, and its marker leads to it (a note always stands by its
        // passage, so it needs no link back: docs/reading.md).
        const note = byId(page, `note-${claim.id}`);
        assert.equal(note.length, 1, `note for ${claim.id}`);
        assert.equal(attr(byId(page, `marker-${claim.id}`)[0]!, 'href'), `#note-${claim.id}`, `${claim.id}: marker`);
        assert.ok(all(note[0], (n) => n.tagName === 'a' && attr(n, 'href') === `claims/${claim.id}/`).length > 0, `${claim.id}: share link`);
      }
    });

    test('its claim pages show each quote and link back to its place', () => {
      for (const claim of article.claims) {
        const page = readPage(dist, `articles/${article.slug}/claims/${claim.id}`);
        const marked = all(page, (n) => n.tagName === 'mark');
        assert.equal(marked.length, 1, `${claim.id}: one marked passage`);
        assert.equal(normalise(readerText(marked[0])), normalise(claim.quote));
        const back = all(page, (n) => n.tagName === 'a' && (attr(n, 'href') ?? '').endsWith(`/articles/${article.slug}/#claim-${claim.id}`));
        assert.ok(back.length > 0, `${claim.id}: link back to the passage`);
      }
      const claimPages = filesUnder(join(dist, 'articles', article.slug, 'claims')).length;
      assert.equal(claimPages, article.claims.length, 'one page per claim, no more');
    });
  });
}

test('the fixtures cover the edge cases the issues list (so the checks above are not vacuous)', () => {
  const contexts = new Set<string>();
  let nested = 0;
  for (const article of articles) {
    const page = readPage(dist, `articles/${article.slug}`);
    for (const claim of article.claims) {
      const element = byId(page, `claim-${claim.id}`)[0];
      for (const tag of ['h1', 'h2', 'blockquote', 'li', 'td']) if (closest(element, (n) => n.tagName === tag)) contexts.add(tag);
      if (closest(element, (n) => attr(n, 'id') === 'subtitle')) contexts.add('subtitle');
      if (closest(element.parentNode!, (n) => hasClass(n, 'claim'))) nested++;
    }
  }
  assert.deepEqual([...contexts].sort(), ['blockquote', 'h1', 'h2', 'li', 'subtitle', 'td']);
  assert.ok(nested > 0, 'a nested claim');
  const quotes = articles.flatMap((a) => a.claims.map((c) => String(c.quote)));
  for (const mark of ['*', '_', '[', '`']) assert.ok(quotes.some((q) => q.includes(mark)), `a quote containing ${mark}`);
  assert.ok(quotes.some((q) => /[^\u0000-\u024f\s\p{P}£€]/u.test(q)), 'a quote in a non-Latin script');
  assert.ok(quotes.some((q) => /["']/.test(q)) && quotes.some((q) => /[“”’]/.test(q)), 'straight and curly quotes');
  assert.ok(articles.some((a) => a.claims.length === 0), 'an article with no claims');
});

test('the same claim id in two articles gives each its own anchor and claim page', () => {
  const owners = new Map<string, string[]>();
  for (const article of articles) for (const claim of article.claims) owners.set(claim.id, [...(owners.get(claim.id) ?? []), article.slug]);
  const shared = [...owners].filter(([, slugs]) => slugs.length > 1);
  assert.ok(shared.length > 0, 'the fixtures reuse a claim id across articles');
  for (const [id, slugs] of shared) {
    for (const slug of slugs) {
      const quote = articles.find((a) => a.slug === slug)!.claims.find((c) => c.id === id)!.quote;
      assert.equal(normalise(readerText(byId(readPage(dist, `articles/${slug}`), `claim-${id}`)[0])), normalise(quote));
      const claimPage = readPage(dist, `articles/${slug}/claims/${id}`);
      assert.equal(normalise(readerText(all(claimPage, (n) => n.tagName === 'mark')[0])), normalise(quote), `${slug}/claims/${id}`);
    }
  }
});

test('an article with no claims, or an empty annotations file, still shows its text and is listed', () => {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const article of articles.filter((a) => a.claims.length === 0)) {
    const page = readPage(dist, `articles/${article.slug}`);
    assert.equal(all(page, (n) => hasClass(n, 'claim')).length, 0);
    const body = all(page, (n) => hasClass(n, 'article-body'))[0];
    assert.ok(readerText(body).trim().length > 0, `${article.slug}: the text is there`);
    assert.ok(home.includes(`/articles/${article.slug}/`), `${article.slug}: listed on the home page`);
  }
});

test('a note with <script>, an onerror attribute or a javascript: link renders harmlessly', () => {
  const notes = articles.flatMap((a) => a.claims.map((c) => ({ slug: a.slug, claim: c })));
  const hostile = notes.filter(({ claim }) => /<script|onerror|javascript:/i.test(claim.note));
  assert.ok(hostile.length > 0, 'a fixture note tries all three');
  for (const { slug, claim } of hostile) {
    for (const path of [`articles/${slug}`, `articles/${slug}/claims/${claim.id}`]) {
      const page = readPage(dist, path);
      const note = path.includes('/claims/') ? all(page, (n) => hasClass(n, 'claim-note'))[0] : byId(page, `note-${claim.id}`)[0];
      assert.ok(note, `${path}: the note`);
      assert.equal(all(note, (n) => n.tagName === 'script' || n.tagName === 'img' || n.tagName === 'iframe').length, 0, `${path}: no script, img or iframe`);
      assert.equal(all(note, (n) => (n.attrs ?? []).some((a) => /^on/i.test(a.name))).length, 0, `${path}: no event handler`);
      // A link whose target was dropped stays an <a> with no href: text, not a link.
      const hrefs = all(note, (n) => n.tagName === 'a' && attr(n, 'href') !== undefined).map((n) => attr(n, 'href')!);
      assert.ok(hrefs.every((h) => /^(https?:|mailto:|#|\/|claims\/)/.test(h)), `${path}: only safe links: ${hrefs.join(' ')}`);
      for (const safe of claim.note.match(/\]\((https?:[^)]+|mailto:[^)]+)\)/g) ?? []) {
        assert.ok(hrefs.includes(safe.slice(2, -1)), `${path}: ${safe} survives`);
      }
    }
  }
  // Nowhere on the site does a note's payload reach a script or an attribute.
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dist, file), 'utf8');
    assert.doesNotMatch(html, /<script>[^<]*alert|onerror=|href="javascript:/i, file);
  }
});

test('the fixture build passes the link check', () => {
  // Indexed as `npm run build` does: the search page names Pagefind's files, which must exist.
  const index = pagefind(dist);
  assert.equal(index.status, 0, index.output.slice(-2000));
  const problems = checkSite(dist, { contentDir: FIXTURES });
  assert.deepEqual(problems.map(formatProblem), []);
});

test('the Nu Html Checker reports no error on any fixture page', () => {
  const run = spawnSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--skip-non-html', '--errors-only', dist], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`.slice(0, 4000));
});
