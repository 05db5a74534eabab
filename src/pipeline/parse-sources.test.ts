import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnnotations } from './parse-annotations.ts';
import { formatMessage } from './messages.ts';

const FILE = 'content/articles/x/annotations.yaml';

function lines(yaml: string): string[] {
  return parseAnnotations(yaml, FILE).messages.map(formatMessage);
}

test('a fully typed source keeps every record field', () => {
  const { sources, messages } = parseAnnotations(
    `sources:
  s:
    title: T
    publisher: P
    url: https://example.org/a
    type: news
    accessed: 2026-11-30
    archive:
      url: https://web.archive.org/web/20210101000000/https://example.org/a
      date: 2021-01-01
  c:
    title: C
    publisher: Q
    type: copy
    original: "  The New York Times, 5 August 2020 "
article:
  context: "[^s] [^c]"
`,
    FILE,
  );
  assert.deepEqual(messages, []);
  assert.deepEqual(sources[0], {
    id: 's',
    title: 'T',
    publisher: 'P',
    url: 'https://example.org/a',
    type: 'news',
    accessed: '2026-11-30',
    archive: { url: 'https://web.archive.org/web/20210101000000/https://example.org/a', date: '2021-01-01' },
  });
  assert.equal(sources[1].original, 'The New York Times, 5 August 2020');
});

test('a source without the new fields reads as before', () => {
  const { sources, messages } = parseAnnotations('sources:\n  s:\n    title: T\n    publisher: P\narticle:\n  context: "[^s]"\n', FILE);
  assert.deepEqual(messages, []);
  assert.deepEqual(sources, [{ id: 's', title: 'T', publisher: 'P' }]);
});

test('messages name the file, line, column and source id, and suggest the fix', () => {
  assert.deepEqual(
    lines('sources:\n  s:\n    title: T\n    publisher: P\n    type: comentary\narticle:\n  context: "[^s]"\n'),
    [
      `${FILE}:5:5: error: source "s": type "comentary" is not one of primary, official, news, commentary, reference, state-media, copy; did you mean "commentary"? [unknown-source-type]`,
    ],
  );
  assert.deepEqual(lines('sources:\n  s:\n    title: T\n    publisher: P\n    type: copy\narticle:\n  context: "[^s]"\n'), [
    `${FILE}:5:5: error: source "s": a source of type copy needs "original": the source it copies, e.g. "The New York Times, 5 August 2020" [field-missing]`,
  ]);
  assert.deepEqual(lines('sources:\n  s:\n    title: T\n    publisher: P\n    archive:\n      url: https://a.example/x\n      date: 2021-02-30\narticle:\n  context: "[^s]"\n'), [
    `${FILE}:7:7: error: source "s": archive.date "2021-02-30" must be a real date written YYYY-MM-DD [date-format]`,
  ]);
});

test('tracking parameters are a warning that shows the clean address', () => {
  const [message] = parseAnnotations(
    'sources:\n  s:\n    title: T\n    publisher: P\n    url: "https://example.org/a?utm_source=x&id=1#top"\narticle:\n  context: "[^s]"\n',
    FILE,
  ).messages;
  assert.equal(message.severity, 'warning');
  assert.equal(
    formatMessage(message),
    `${FILE}:5:5: warning: source "s": url has tracking parameters (utm_source), which the site removes; write it as "https://example.org/a?id=1#top" [url-tracking]`,
  );
});

test('the same address under two ids is an error naming the first id', () => {
  const messages = parseAnnotations(
    'sources:\n  a:\n    title: T\n    publisher: P\n    url: https://example.org/x\n  b:\n    title: T\n    publisher: P\n    url: https://example.org/x?fbclid=1\narticle:\n  context: "[^a] [^b]"\n',
    FILE,
  ).messages.filter((m) => m.ruleId === 'duplicate-source');
  assert.deepEqual(messages.map(formatMessage), [
    `${FILE}:9:5: error: source "b": has the same address as source "a" (once tracking parameters are removed); keep one source and cite it as [^a] [duplicate-source]`,
  ]);
});

test('a rated claim resting only on commentary and state media is warned about; others are not', () => {
  const yaml = (types: string[], rating = 'rating: accurate\n    ') =>
    `sources:\n${types.map((type, i) => `  s${i}:\n    title: T\n    publisher: P\n    type: ${type}\n`).join('')}claims:\n  - id: a\n    quote: q\n    kind: ${rating ? 'fact' : 'opinion'}\n    ${rating}summary: s\n    note: "${types.map((_, i) => `[^s${i}]`).join(' ')}"\n`;
  assert.deepEqual(lines(yaml(['commentary', 'state-media'])), [
    `${FILE}:11:5: warning: claim "a": is rated, but its note cites only analysis or commentary and state-affiliated media; cite a primary document, official statement, news report or reference work, or reconsider the rating [weak-sources]`,
  ]);
  assert.deepEqual(lines(yaml(['commentary', 'official'])), []);
  assert.deepEqual(lines(yaml(['commentary'], '')), [], 'opinions are not rated');
});
