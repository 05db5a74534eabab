/**
 * Every error of the content contract, one at a time, on a copy of a fixture article: each stops
 * `npm run check` with exit 1 and a `file:line:column` message naming the claim (or source, or
 * field) and the rule; a few go through a real `astro build` too, to prove the build fails the
 * same way. An uncited source is only a warning: exit 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { astroBuild, copyContent, folders } from './support.ts';

const SLUG = 'contract-cases';

/** Replace `from` with `to` in the claim that starts `- id: <id>` (its first occurrence there). */
function inClaim(id: string, from: string | RegExp, to: string) {
  return (text: string) => {
    const start = text.indexOf(`- id: ${id}\n`);
    assert.ok(start >= 0, `claim ${id} in the fixture`);
    const next = text.indexOf('\n  - id: ', start + 1);
    const end = next === -1 ? text.length : next;
    const claim = text.slice(start, end);
    const changed = claim.replace(from, to);
    assert.notEqual(changed, claim, `the break applies to ${id}`);
    return text.slice(0, start) + changed + text.slice(end);
  };
}

function replace(from: string | RegExp, to: string) {
  return (text: string) => {
    const changed = text.replace(from, to);
    assert.notEqual(changed, text, `the break applies: ${from}`);
    return changed;
  };
}

interface Break {
  what: string;
  file: 'article.md' | 'annotations.yaml';
  edit: (text: string) => string;
  rule: string;
  /** The phrase naming what is wrong: `claim "x"`, `source "x"`, `field "x"`. */
  subject?: string;
  /** More of the message the contract asks for. */
  says?: RegExp;
}

const BREAKS: Break[] = [
  { what: 'unreadable YAML', file: 'annotations.yaml', edit: inClaim('shared-id', 'quote: a safe one', 'quote: "a safe one'), rule: 'yaml-syntax' },
  { what: 'a missing field', file: 'annotations.yaml', edit: inClaim('shared-id', /\n    summary: [^\n]*/, ''), rule: 'field-missing', subject: 'claim "shared-id"' },
  { what: 'a wrongly typed field', file: 'annotations.yaml', edit: inClaim('shared-id', 'quote: a safe one', 'quote: 2022'), rule: 'field-type', subject: 'claim "shared-id"' },
  { what: 'an unknown kind', file: 'annotations.yaml', edit: inClaim('shared-id', 'kind: opinion', 'kind: rumour'), rule: 'unknown-kind', subject: 'claim "shared-id"' },
  { what: 'an unknown rating', file: 'annotations.yaml', edit: inClaim('repair-cost', 'rating: mostly-accurate', 'rating: sort-of'), rule: 'unknown-rating', subject: 'claim "repair-cost"' },
  { what: 'a rating on an opinion', file: 'annotations.yaml', edit: inClaim('shared-id', 'kind: opinion', 'kind: opinion\n    rating: accurate'), rule: 'rating-not-allowed', subject: 'claim "shared-id"' },
  { what: 'no rating on a fact', file: 'annotations.yaml', edit: inClaim('repair-cost', /\n    rating: [^\n]*/, ''), rule: 'rating-missing', subject: 'claim "repair-cost"' },
  { what: 'an id that is not lower-case-hyphenated', file: 'annotations.yaml', edit: inClaim('shared-id', '- id: shared-id', '- id: Shared_Id'), rule: 'id-format', subject: 'claim "Shared_Id"' },
  { what: 'a duplicate claim id', file: 'annotations.yaml', edit: inClaim('towns-future', '- id: towns-future', '- id: shared-id'), rule: 'duplicate-id', subject: 'claim "shared-id"' },
  { what: 'a duplicate source id', file: 'annotations.yaml', edit: replace('\n  ferry-timetable:\n', '\n  council-2024:\n'), rule: 'duplicate-id', subject: 'source "council-2024"' },
  { what: 'a quote that matches nowhere', file: 'annotations.yaml', edit: inClaim('shared-id', 'quote: a safe one', 'quote: a safe bet'), rule: 'quote-not-found', subject: 'claim "shared-id"', says: /closest passage: "a safe one"/ },
  { what: 'a quote that matches more than once', file: 'annotations.yaml', edit: inClaim('first-ferry', /\n    prefix: [^\n]*/, ''), rule: 'quote-ambiguous', subject: 'claim "first-ferry"', says: /2\b[^\n]*(prefix|suffix)/ },
  { what: 'two claims that partly overlap', file: 'annotations.yaml', edit: inClaim('towns-future', "quote: the town's future depends on it", 'quote: million. The mayor said'), rule: 'claims-overlap', subject: 'claim "towns-future"' },
  { what: 'a note citing an undefined source', file: 'annotations.yaml', edit: inClaim('repair-cost', '[^council-2024]', '[^council-2042]'), rule: 'source-undefined', subject: 'claim "repair-cost"', says: /council-2042/ },
  { what: 'a missing front-matter field', file: 'article.md', edit: replace(/\npublisher: [^\n]*/, ''), rule: 'field-missing', subject: 'field "publisher"' },
  { what: 'a wrong front-matter field', file: 'article.md', edit: replace(/\npublished: [^\n]*/, '\npublished: 2024-02-30'), rule: 'date-format', subject: 'field "published"' },
  { what: 'a front-matter field of the wrong type', file: 'article.md', edit: replace(/\ntitle: [^\n]*/, '\ntitle: 1984'), rule: 'field-type', subject: 'field "title"' },
];

/** `file:line:column: error: … [rule]` lines in some output. */
function errorLines(output: string): { file: string; line: number; column: number; text: string; rule: string }[] {
  return [...output.matchAll(/^(.+?):(\d+):(\d+): error: (.*) \[([a-z-]+)\]$/gm)].map((m) => ({
    file: m[1], line: Number(m[2]), column: Number(m[3]), text: m[4], rule: m[5],
  }));
}

/** The line ranges of each claim `- id: <id>` in a YAML text (1-based, inclusive). */
function claimLines(text: string, id: string): [number, number][] {
  const lines = text.split('\n');
  const ranges: [number, number][] = [];
  lines.forEach((line, start) => {
    if (line.trim() !== `- id: ${id}`) return;
    let end = lines.findIndex((l, i) => i > start && /^\s*- id: /.test(l));
    if (end === -1) end = lines.length;
    ranges.push([start + 1, end]);
  });
  return ranges;
}

for (const broken of BREAKS) {
  test(`${broken.what} stops npm run check with its message [${broken.rule}]`, () => {
    const copy = copyContent([SLUG]);
    try {
      const path = join(copy.articles, SLUG, broken.file);
      const text = broken.edit(readFileSync(path, 'utf8'));
      writeFileSync(path, text);
      const run = spawnSync(process.execPath, ['scripts/check-content.ts', copy.articles], { encoding: 'utf8', timeout: 60_000 });
      const output = `${run.stdout}${run.stderr}`;
      assert.equal(run.status, 1, output);
      assert.doesNotMatch(output, /internal error|\n\s+at /, 'no crash');
      const errors = errorLines(output).filter((e) => e.rule === broken.rule);
      assert.ok(errors.length > 0, `a [${broken.rule}] error in:\n${output}`);
      const error = errors.find((e) => !broken.subject || e.text.startsWith(`${broken.subject}:`));
      assert.ok(error, `an error naming ${broken.subject}:\n${output}`);
      assert.equal(error.file, relative(process.cwd(), path), 'names the file');
      if (broken.says) assert.match(error.text, broken.says);
      // The line points into the file, at the claim concerned where there is one.
      assert.ok(error.line >= 1 && error.line <= text.split('\n').length, `line ${error.line} is in the file`);
      const claim = /^claim "([^"]+)"$/.exec(broken.subject ?? '')?.[1];
      const ranges = claim ? claimLines(text, claim) : [];
      if (ranges.length > 0) {
        assert.ok(ranges.some(([from, to]) => error.line >= from && error.line <= to), `line ${error.line} lies in claim ${claim} (lines ${ranges.map((r) => r.join('–')).join(', ')})`);
      }
    } finally {
      copy.cleanup();
    }
  });
}

test('a source no note cites is a warning, not an error', () => {
  const copy = copyContent([SLUG]);
  try {
    const path = join(copy.articles, SLUG, 'annotations.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('sources:\n', 'sources:\n  never-cited:\n    title: Unused\n    publisher: Nobody\n'));
    const run = spawnSync(process.execPath, ['scripts/check-content.ts', copy.articles], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /annotations\.yaml:\d+:\d+: warning: source "never-cited": .*\[source-uncited\]/);
  } finally {
    copy.cleanup();
  }
});

test('astro build stops with a non-zero exit and every message, file:line:column and claim id included', () => {
  // Three broken articles in one build (builds are slow); the build must report all three.
  const find = (rule: string, file: Break['file']) => BREAKS.find((b) => b.rule === rule && b.file === file)!;
  const breaks: { slug: string; broken: Break }[] = [
    { slug: SLUG, broken: find('quote-not-found', 'annotations.yaml') },
    { slug: 'edge-cases', broken: find('field-missing', 'article.md') },
    { slug: 'no-claims', broken: { what: 'unreadable YAML', file: 'annotations.yaml', edit: replace('title: Press archive', 'title: "Press archive'), rule: 'yaml-syntax' } },
  ];
  const copy = copyContent(breaks.map((b) => b.slug));
  const { dist, cache } = folders('broken');
  try {
    const files = breaks.map(({ slug, broken }) => {
      const path = join(copy.articles, slug, broken.file);
      writeFileSync(path, broken.edit(readFileSync(path, 'utf8')));
      return relative(process.cwd(), path);
    });
    const run = astroBuild({ content: copy.content, dist, cache, clean: true });
    assert.notEqual(run.status, 0, 'the build fails');
    assert.equal(run.signal, null, 'the build finished (no hang)');
    assert.match(run.output, /Content has errors:/);
    const errors = errorLines(run.output);
    breaks.forEach(({ broken }, i) => {
      const error = errors.find((e) => e.file === files[i] && e.rule === broken.rule);
      assert.ok(error, `[${broken.rule}] for ${files[i]} in:\n${run.output.slice(-3000)}`);
      if (broken.subject) assert.ok(error.text.startsWith(`${broken.subject}:`), error.text);
      if (broken.says) assert.match(error.text, broken.says);
    });
  } finally {
    copy.cleanup();
  }
});
