import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnnotations } from './parse-annotations.ts';
import { RULES, formatMessage } from './messages.ts';

/**
 * Table-driven: each fixtures/annotations/*.yaml starts with `# expect:` lines,
 * `# expect: <rule-id> <subject or -> <line>` or `# expect: nothing`, and must
 * produce exactly those messages (no more, no fewer).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures', 'annotations');

function expectations(source: string): string[] {
  const lines = [...source.matchAll(/^# expect: (.+)$/gm)].map((match) => match[1].trim());
  return lines.includes('nothing') ? [] : lines;
}

for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.yaml')).sort()) {
  test(`fixture ${name}`, () => {
    const source = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = expectations(source);
    assert.ok(expected.length > 0 || source.includes('# expect: nothing'), `${name} has no # expect: line`);
    const { messages } = parseAnnotations(source, name);
    const actual = messages.map((m) => `${m.ruleId} ${m.subject ?? '-'} ${m.line}`);
    assert.deepEqual(actual.sort(), expected.sort(), messages.map(formatMessage).join('\n'));
  });
}

test('every annotations rule of the contract has a fixture', () => {
  const covered = new Set(
    readdirSync(FIXTURES).flatMap((file) => expectations(readFileSync(join(FIXTURES, file), 'utf8')).map((line) => line.split(' ')[0])),
  );
  const annotationRules = [
    RULES.yamlSyntax, RULES.fieldMissing, RULES.fieldType, RULES.fieldUnknown, RULES.idFormat, RULES.duplicateId,
    RULES.unknownKind, RULES.unknownRating, RULES.ratingMissing, RULES.ratingNotAllowed, RULES.urlScheme,
    RULES.dateFormat, RULES.sourceUndefined, RULES.sourceUncited,
    RULES.unknownSourceType, RULES.originalNotAllowed, RULES.duplicateSource, RULES.urlTracking, RULES.weakSources,
    RULES.unknownChange, RULES.historyOrder, RULES.historyMismatch,
  ];
  for (const rule of annotationRules) assert.ok(covered.has(rule), `no fixture for ${rule}`);
});

test('reports every problem in the file at once', () => {
  const source = `sources:
  s:
    title: T
article:
  checked: yesterday
claims:
  - id: Bad_Id
    quote: 1
    kind: fact
    summary: s
    note: cites [^nope]
  - id: b
    quote: x
    kind: opinion
    rating: accurate
    note: n
`;
  const { messages } = parseAnnotations(source, 'a.yaml');
  assert.deepEqual(
    messages.map((m) => `${m.line} ${m.ruleId} ${m.subject}`),
    [
      '2 field-missing s',
      '2 source-uncited s',
      '5 date-format article.checked',
      '7 id-format Bad_Id',
      '8 field-type Bad_Id',
      '9 rating-missing Bad_Id',
      '11 source-undefined Bad_Id',
      '12 field-missing b',
      '15 rating-not-allowed b',
    ],
  );
  assert.equal(messages.filter((m) => m.severity === 'warning').length, 1);
});

test('messages name the file, the claim and the line and column', () => {
  const { messages } = parseAnnotations('claims:\n  - id: swift-ban\n    quote: x\n    kind: fact\n    rating: wrong\n    summary: s\n    note: n\n', 'content/articles/x/annotations.yaml');
  assert.equal(
    formatMessage(messages[0]),
    'content/articles/x/annotations.yaml:5:5: error: claim "swift-ban": rating "wrong" is not one of accurate, mostly-accurate, missing-context, misleading, inaccurate, unverifiable [unknown-rating]',
  );
});

test('returns sources, claims, article notes and positions of a valid file', () => {
  const parsed = parseAnnotations(readFileSync(join(FIXTURES, 'valid-full.yaml'), 'utf8'), 'a.yaml');
  assert.deepEqual(parsed.messages, []);
  assert.deepEqual(parsed.sources[0], {
    id: 'mofa-2022',
    title: "Japan's response to Russia",
    publisher: 'Ministry of Foreign Affairs of Japan',
    date: '2022-03',
    url: 'https://www.mofa.go.jp/',
    excerpt: 'Japan will exclude selected Russian banks from SWIFT.',
  });
  assert.equal(parsed.sources[1].date, '2022', 'a bare year (a YAML number) reads as the text YYYY');
  assert.deepEqual(parsed.claims[0], {
    id: 'swift-ban',
    quote: 'excluded Russian banks from the SWIFT system',
    prefix: 'froze assets, and',
    kind: 'fact',
    rating: 'accurate',
    summary: 'Japan joined the SWIFT exclusion in March 2022.',
    note: 'The foreign ministry announced it [^mofa-2022].',
    topics: ['sanctions', 'swift'],
  });
  assert.deepEqual(parsed.claims[1].topics, []);
  assert.equal(parsed.claims[1].rating, undefined);
  assert.deepEqual(parsed.article, {
    assessment: 'An opinion piece that gets the sanctions right [^mofa-2022].',
    context: 'Published the day before the Madrid summit [^nato-2022].',
    checked: '2026-11-26',
  });
  const at = (place: { line: number; column: number } | undefined) => place && `${place.line}:${place.column}`;
  const { positions } = parsed;
  assert.equal(at(positions.claim('swift-ban')), '19:5');
  assert.equal(at(positions.claim('swift-ban', 'quote')), '20:5');
  assert.equal(at(positions.claim('swift-ban', 'prefix')), '21:5');
  assert.equal(at(positions.claim('swift-ban', 'note')), '26:5');
  assert.equal(at(positions.source('mofa-2022')), '3:3');
  assert.equal(at(positions.article('assessment')), '14:3');
  assert.equal(at(positions.article('context')), '16:3');
  assert.equal(positions.claim('no-such-claim', 'quote'), undefined);
  assert.equal(positions.source('no-such-source'), undefined);
});

test('the prefix keeps its meaning after trimming white space', () => {
  // Anchoring treats runs of white space as one space, so trimming the ends is safe.
  const parsed = parseAnnotations('claims:\n  - id: a\n    quote: x\n    prefix: "and "\n    kind: opinion\n    summary: s\n    note: n\n', 'a.yaml');
  assert.equal(parsed.claims[0].prefix, 'and');
});

test('empty file, {} and empty sections are valid with nothing in them', () => {
  for (const source of ['', '   \n', '# just a comment\n', '{}', 'sources:\nclaims:\n', 'sources: {}\nclaims: []\n']) {
    const parsed = parseAnnotations(source, 'a.yaml');
    assert.deepEqual([parsed.messages, parsed.claims, parsed.sources, parsed.article], [[], [], [], {}], JSON.stringify(source));
  }
});

test('claims with errors are still returned when they have an id and a quote', () => {
  const parsed = parseAnnotations('claims:\n  - id: a\n    quote: x\n    kind: facts\n  - id: b\n', 'a.yaml');
  assert.deepEqual(parsed.claims.map((c) => c.id), ['a']);
  assert.ok(parsed.messages.some((m) => m.ruleId === 'unknown-kind'));
});

test('a duplicate claim id keeps the first claim only', () => {
  const claim = (quote: string) => `  - id: a\n    quote: ${quote}\n    kind: opinion\n    summary: s\n    note: n\n`;
  const parsed = parseAnnotations(`claims:\n${claim('first')}${claim('second')}`, 'a.yaml');
  assert.deepEqual(parsed.claims.map((c) => c.quote), ['first']);
  assert.match(formatMessage(parsed.messages[0]), /:7:5: error: claim "a": claim id is already used on line 2/);
});

test('a duplicate source id is named in the message', () => {
  const { messages } = parseAnnotations('sources:\n  mofa:\n    title: a\n    publisher: p\n  mofa:\n    title: b\n    publisher: p\n', 'a.yaml');
  const duplicate = messages.find((m) => m.ruleId === 'duplicate-id');
  assert.ok(duplicate);
  assert.equal(formatMessage(duplicate), 'a.yaml:5:3: error: source "mofa": source id is defined twice; source ids must be unique in the file [duplicate-id]');
});

test('a syntax error gives the yaml package’s line and column and stops there', () => {
  const { messages } = parseAnnotations('claims:\n  - id: a\n    quote: [x\n', 'a.yaml');
  assert.equal(messages.length, 1);
  assert.equal(messages[0].ruleId, 'yaml-syntax');
  assert.ok(messages[0].line && messages[0].line >= 3, `line ${messages[0].line}`);
  assert.ok(messages[0].column && messages[0].column >= 1);
});

test('anchors and aliases are resolved; alias bombs and loops are refused', () => {
  const shared = 'claims:\n  - &c\n    id: a\n    quote: x\n    kind: opinion\n    summary: &s Same summary.\n    note: *s\n';
  const parsed = parseAnnotations(shared, 'a.yaml');
  assert.deepEqual(parsed.messages, []);
  assert.equal(parsed.claims[0].note, 'Same summary.');

  const loop = parseAnnotations('a: &a [*a]\n', 'a.yaml');
  assert.deepEqual(loop.messages.map((m) => m.ruleId), ['yaml-syntax']);
});

test('odd input gives a message, never an exception', () => {
  const odd = [
    'claims: 5',
    'claims:\n  - null\n  - 3\n  - [a]\n',
    'claims:\n  - id:\n    quote:\n    kind:\n    rating:\n    summary:\n    note:\n    topics:\n',
    'sources:\n  __proto__:\n    title: t\n    publisher: p\n',
    'sources:\n  constructor: 1\n',
    'claims:\n  - id: a\n    quote: ' + 'x'.repeat(100_000) + '\n',
    '"just a string"',
    '42',
    '---\na: 1\n---\nb: 2\n',
    '\u0000\u0001',
    'claims:\n  - id: a\n    note: !!binary aGVsbG8=\n',
  ];
  for (const source of odd) {
    const parsed = parseAnnotations(source, 'a.yaml');
    assert.ok(parsed.messages.some((m) => m.severity === 'error'), `no error for ${JSON.stringify(source.slice(0, 40))}`);
    for (const m of parsed.messages) assert.ok(formatMessage(m).length < 400, 'messages stay short');
  }
});

test('article.verdict: reads the bottom line as one paragraph of plain text', () => {
    const parsed = parseAnnotations('article:\n  verdict: >-\n    Right on A.\n    Wrong on B.\nclaims: []\n', 'a/annotations.yaml');
    assert.equal(parsed.article.verdict, 'Right on A. Wrong on B.');
    assert.deepEqual(parsed.messages, []);
});

test('article.verdict: refuses citations and a second paragraph, naming the field and its line', () => {
    const cited = parseAnnotations('sources:\n  s:\n    title: T\n    publisher: P\narticle:\n  verdict: Wrong [^s].\n', 'a/annotations.yaml');
    const refused = cited.messages.find((m) => /verdict is plain text and cannot cite sources/.test(m.reason));
    assert.equal(refused?.line, 6);
    assert.equal(refused?.subject, 'article.verdict');
    const long = parseAnnotations('article:\n  verdict: |\n    One.\n\n    Two.\n', 'a/annotations.yaml');
    assert.match(long.messages[0]?.reason ?? '', /verdict must be one paragraph/);
});
