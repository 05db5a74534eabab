import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { articleHtmlOf } from '../content/article-html.ts';
import { storedArticle } from '../content/stored-article.ts';
import { annotationCollection } from '../lib/web-annotation.ts';
import { normalize } from '../pipeline/normalize.ts';
import { parseAnnotations } from '../pipeline/parse-annotations.ts';
import { renderArticle } from '../pipeline/render-article.ts';
import { importClaims, locate } from './import-claims.ts';

const HARBOUR = 'tests/fixtures/editor-content/articles/harbour-reopens';
const SEED = 'content/articles/japans-new-stance-on-russia';

function folder(path: string, annotationsSource?: string) {
  const slug = path.split('/').pop()!;
  return {
    slug,
    articleFile: `${path}/article.md`,
    articleSource: readFileSync(`${path}/article.md`, 'utf8'),
    annotationsFile: `${path}/annotations.yaml`,
    annotationsSource: annotationsSource ?? readFileSync(`${path}/annotations.yaml`, 'utf8'),
  };
}

/** This site's export of an article, as /articles/<slug>/annotations.jsonld serves it. */
function siteExport(path: string): unknown {
  const input = folder(path);
  const site = 'https://critical-edition.example';
  const article = `${site}/articles/${input.slug}/`;
  const rendered = renderArticle(input);
  const collection = annotationCollection({
    article: { ...storedArticle(rendered), ...articleHtmlOf(rendered) },
    articleUrl: article,
    collectionUrl: `${article}annotations.jsonld`,
    claimPageUrl: (id) => `${article}claims/${id}/`,
    siteName: 'Critical Edition',
    siteUrl: `${site}/`,
  });
  return JSON.parse(JSON.stringify(collection));
}

/** A note as a reader reads it, without citation numbers (the export has no source ids to give back). */
function noteText(html: string): string {
  return html
    .replace(/<sup class="cite">[\s\S]*?<\/sup>/g, '')
    .replace(/\s*<a [^>]*>source \d+<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[.,;:!?])/g, '')
    .trim();
}

function roundTrip(path: string) {
  const original = renderArticle(folder(path));
  const result = importClaims({ ...folder(path, ''), document: siteExport(path) });
  assert.deepEqual(result.orphans, []);
  assert.ok(result.annotationsSource, 'something to write');
  const back = renderArticle(folder(path, result.annotationsSource));
  assert.deepEqual(back.claims.map((c) => c.id), original.claims.map((c) => c.id));
  back.claims.forEach((claim, index) => {
    const was = original.claims[index]!;
    assert.equal(normalize(claim.quote).text.trim(), normalize(was.passage).text.trim(), `${claim.id}: quote`);
    assert.deepEqual([claim.start, claim.end], [was.start, was.end], `${claim.id}: anchored in the same place`);
    assert.equal(claim.kind, was.kind, `${claim.id}: kind`);
    assert.equal(claim.rating, was.rating, `${claim.id}: rating`);
    assert.equal(claim.summary, was.summary, `${claim.id}: summary`);
    assert.equal(noteText(claim.noteHtml), noteText(was.noteHtml), `${claim.id}: note`);
  });
  return { original, back, result };
}

describe('importClaims: round trip of this site’s own export', () => {
  it('gives back the fixture’s claims: ids, quotes, kinds, ratings, summaries and notes', () => {
    const { original, back, result } = roundTrip(HARBOUR);
    assert.equal(back.claims.length, 2);
    // A note without citations comes back exactly as it rendered.
    const reopening = back.claims.find((c) => c.id === 'reopening-date')!;
    assert.ok(reopening);
    assert.equal(original.claims.length, 2);
    assert.match(result.warnings.join('\n'), /claim "repair-cost": keeps a citation as a link/);
  });

  it('gives back every claim of the seed article', () => {
    const { original } = roundTrip(SEED);
    assert.ok(original.claims.length > 10);
  });

  it('gives back a note with emphasis, links and paragraphs as it rendered', () => {
    const annotations = `claims:
  - id: costly
    quote: a costly bet
    kind: opinion
    summary: The critics' view.
    note: |
      An *opinion*, see [the council](https://example.org/harbour).

      A second paragraph with **strong** words.
`;
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      cpSync(HARBOUR, dir, { recursive: true });
      writeFileSync(join(dir, 'annotations.yaml'), annotations);
      const original = renderArticle(folder(dir));
      const result = importClaims({ ...folder(dir, ''), document: siteExport(dir) });
      const back = renderArticle(folder(dir, result.annotationsSource));
      assert.equal(back.claims[0]!.noteHtml, original.claims[0]!.noteHtml);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('importClaims: Hypothesis annotations', () => {
  const document = JSON.parse(readFileSync('src/editor/fixtures/hypothesis-harbour.jsonld', 'utf8'));
  const result = importClaims({ ...folder(HARBOUR), document });

  it('maps the selector, body and tags of an anchored annotation, trimming its context to what uniqueness needs', () => {
    assert.deepEqual(result.claims, [
      {
        id: 'the-first-ferry-sailed',
        quote: 'The first ferry sailed',
        kind: 'fact',
        rating: 'accurate',
        summary: 'The council’s notice says the works finished on 30 April.'.replace('’', "'"),
        note: "The council's notice says the works *finished* on 30 April. It reopened the next day.",
        topics: ['harbour'],
      },
    ]);
    assert.deepEqual(result.warnings, ['claim "the-first-ferry-sailed": tags left out (not kind:, rating:, topic: or id:): checked-by-ana']);
  });

  it('lists every orphan with its reason', () => {
    assert.deepEqual(
      result.orphans.map((o) => [o.label, o.reason]),
      [
        ['https://hypothes.is/a/not-there', 'its quote is not in the article; closest passage: "The repairs cost £4 million."'],
        ['https://hypothes.is/a/page-note', 'it has no TextQuoteSelector: it annotates the page, not a passage'],
        ['https://hypothes.is/a/ambiguous', 'its quote occurs 2 times and its prefix and suffix do not tell them apart'],
        ['https://hypothes.is/a/no-kind', 'it has no kind: tag it kind:fact, kind:interpretation, kind:opinion, kind:prediction'],
        [
          'https://hypothes.is/a/overlap',
          'the build refuses it: quote partly overlaps claim "reopening-date"; claims may nest (one wholly inside the other) but not partly overlap (this claim is left unmarked) [claims-overlap]',
        ],
      ],
    );
  });

  it('adds the claims after the existing ones, keeping comments', () => {
    const yaml = result.annotationsSource!;
    assert.match(yaml, /^# Notes on the harbour article/);
    assert.match(yaml, / {2}# The repair bill\.\n {2}- id: repair-cost/);
    assert.match(yaml, /- id: the-first-ferry-sailed\n {4}quote: The first ferry sailed\n {4}kind: fact/);
    assert.equal(parseAnnotations(yaml, 'a.yaml').claims.length, 3);
  });
});

describe('locate', () => {
  const texts = ['The ferry left.', 'A ferry came back.'];
  it('uses a prefix that runs across blocks to pick the passage', () => {
    assert.deepEqual(locate(texts, { exact: 'ferry', prefix: 'left.\n\nA ' }), { ok: true, passage: { index: 1, start: 2, end: 7 } });
  });
  it('refuses a quote that spans two blocks', () => {
    assert.deepEqual(locate(texts, { exact: 'left. A ferry' }), { ok: false, reason: 'its quote runs from one paragraph, heading or list item into the next' });
  });
});

describe('npm run import', () => {
  const run = (dir: string, ...flags: string[]) =>
    spawnSync(process.execPath, ['scripts/import-annotations.ts', 'harbour-reopens', 'src/editor/fixtures/hypothesis-harbour.jsonld', '--content', dir, ...flags], { encoding: 'utf8' });

  it('writes nothing while there are orphans, and adds the rest with --skip-orphans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      cpSync('tests/fixtures/editor-content/articles', dir, { recursive: true });
      const file = join(dir, 'harbour-reopens', 'annotations.yaml');
      const before = readFileSync(file, 'utf8');
      const refused = run(dir);
      assert.equal(refused.status, 1);
      assert.match(refused.stdout, /orphan: https:\/\/hypothes\.is\/a\/page-note: it has no TextQuoteSelector/);
      assert.match(refused.stdout, /1 claim, 5 orphans: nothing written/);
      assert.equal(readFileSync(file, 'utf8'), before);

      const skipped = run(dir, '--skip-orphans');
      assert.equal(skipped.status, 0, skipped.stderr);
      assert.match(skipped.stdout, /1 claim, 5 orphans: added to /);
      assert.match(readFileSync(file, 'utf8'), /- id: the-first-ferry-sailed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
