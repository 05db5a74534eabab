/**
 * The content loader's render pool (src/content/render-pool.ts): articles rendered on worker
 * threads come back exactly as rendered inline — the same articles, the same warnings, and for
 * broken content the same ContentError text — in input order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../../bench/generate.ts';
import { renderEach, workersFor, MIN_ARTICLES } from '../../src/content/render-pool.ts';
import { articleOrThrow } from '../../src/content/render-outcome.ts';
import type { RenderOutcome } from '../../src/content/render-outcome.ts';
import type { ArticleInput } from '../../src/pipeline/render-article.ts';

const FIXTURES = 'tests/fixtures/content/articles';

function fixture(slug: string): ArticleInput {
  const articleFile = join(FIXTURES, slug, 'article.md');
  const annotationsFile = join(FIXTURES, slug, 'annotations.yaml');
  return { slug, articleFile, articleSource: readFileSync(articleFile, 'utf8'), annotationsFile, annotationsSource: readFileSync(annotationsFile, 'utf8') };
}

function synthetic(i: number): ArticleInput {
  const a = generateArticle(i);
  return { slug: a.slug, articleFile: `bench/${a.slug}/article.md`, articleSource: a.articleMd, annotationsFile: `bench/${a.slug}/annotations.yaml`, annotationsSource: a.annotationsYaml };
}

/** Content errors of several kinds, in two articles, plus a fixture that only warns. */
function broken(): ArticleInput[] {
  const cases = fixture('contract-cases');
  const quote = cases.annotationsSource.replace('quote: a safe one', 'quote: a safe bet');
  assert.notEqual(quote, cases.annotationsSource);
  const synth = synthetic(3);
  const kind = synth.annotationsSource.replace(/kind: fact/, 'kind: rumour').replace(/\n    summary: [^\n]*/, '');
  assert.notEqual(kind, synth.annotationsSource);
  return [
    { ...cases, slug: 'broken-quote', annotationsSource: quote },
    synthetic(1),
    { ...synth, slug: 'broken-fields', annotationsSource: kind },
    ...readdirSync(FIXTURES).sort().map(fixture),
  ];
}

async function collect(inputs: ArticleInput[], workers: number): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = [];
  for await (const outcome of renderEach(inputs, { workers, minArticles: 2 })) outcomes.push(outcome);
  return outcomes;
}

/** What the loader sees: the article, or the thrown error's class and message. */
function seen(outcome: RenderOutcome) {
  try {
    return { article: articleOrThrow(outcome) };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

test('uses the pool only from MIN_ARTICLES articles and with two workers or more', () => {
  assert.equal(MIN_ARTICLES, 8);
  assert.equal(workersFor(7, { workers: 2 }), 0);
  assert.equal(workersFor(8, { workers: 2 }), 2);
  assert.equal(workersFor(100, { workers: 1 }), 0);
  assert.equal(workersFor(3, { workers: 4, minArticles: 2 }), 3);
});

test('a corpus rendered by the pool equals the corpus rendered inline, in the same order', async () => {
  const inputs = [...readdirSync(FIXTURES).sort().map(fixture), ...Array.from({ length: 10 }, (_, i) => synthetic(i))];
  const inline = await collect(inputs, 0);
  const pooled = await collect(inputs, 3);
  assert.equal(pooled.length, inputs.length);
  assert.deepEqual(pooled.map((o) => (o.kind === 'ok' ? o.article.slug : o.kind)), inputs.map((i) => i.slug));
  assert.ok(inline.every((o) => o.kind === 'ok'));
  assert.deepEqual(pooled, inline);
  // Warnings travel with the article (the loader logs them): at least one fixture has some.
  assert.ok(pooled.some((o) => o.kind === 'ok' && o.article.warnings.length > 0));
});

test('content errors from a worker carry the same messages as inline, every file:line:column', async () => {
  const inputs = broken();
  const inline = (await collect(inputs, 0)).map(seen);
  const pooled = (await collect(inputs, 2)).map(seen);
  assert.deepEqual(pooled, inline);
  const errors = pooled.filter((o) => 'error' in o);
  assert.deepEqual(errors.map((o) => o.error), ['ContentError', 'ContentError']);
  assert.match(errors[0]!.message!, /^tests\/fixtures\/content\/articles\/contract-cases\/annotations\.yaml:\d+:\d+: error: .*claim "shared-id".*\[quote-not-found\]/m);
  assert.match(errors[1]!.message!, /^bench\/article-\d+\/annotations\.yaml:\d+:\d+: error: .*\[unknown-kind\]/m);
  assert.match(errors[1]!.message!, /^bench\/article-\d+\/annotations\.yaml:\d+:\d+: error: .*\[field-missing\]/m);
});

test('fewer articles than the threshold render inline, with the same outcomes', async () => {
  const inputs = [synthetic(5), synthetic(6)];
  const outcomes: RenderOutcome[] = [];
  for await (const outcome of renderEach(inputs, { workers: 2, onPool: () => assert.fail('the pool started') })) outcomes.push(outcome);
  assert.deepEqual(outcomes, await collect(inputs, 2));
});

test('stopping early (the loader throwing) closes the workers', async () => {
  const inputs = Array.from({ length: 6 }, (_, i) => synthetic(i));
  let count = 0;
  for await (const outcome of renderEach(inputs, { workers: 2, minArticles: 2 })) {
    assert.equal(outcome.kind, 'ok');
    if (++count === 2) break;
  }
  // The test process exits only if no worker is left running (node --test would hang here).
  assert.equal(count, 2);
});
