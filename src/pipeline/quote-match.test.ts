import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAll, matchQuote, matchQuoteInTexts, type QuoteMatch, type QuoteSelector } from './quote-match.ts';

const TEXT = 'The cat saw the cat and “the dog’s” bowl.';

const cases: { name: string; text?: string; selector: QuoteSelector; expected: QuoteMatch }[] = [
  { name: 'plain', selector: { quote: 'saw' }, expected: { status: 'found', start: 8, end: 11 } },
  { name: 'start of text', selector: { quote: 'The cat' }, expected: { status: 'found', start: 0, end: 7 } },
  { name: 'end of text', selector: { quote: 'bowl.' }, expected: { status: 'found', start: 36, end: 41 } },
  { name: 'straight quotes find curly ones', selector: { quote: '"the dog\'s"' }, expected: { status: 'found', start: 24, end: 35 } },
  {
    name: 'curly quotes find straight ones',
    text: 'He said "it\'s fine".',
    selector: { quote: '“it’s fine”' },
    expected: { status: 'found', start: 8, end: 19 },
  },
  {
    name: 'white space runs and newlines are one space',
    text: 'one  two\n three',
    selector: { quote: 'one two\nthree' },
    expected: { status: 'found', start: 0, end: 15 },
  },
  { name: 'white space around the quote is ignored', selector: { quote: '\n saw \n' }, expected: { status: 'found', start: 8, end: 11 } },
  { name: 'case-sensitive', selector: { quote: 'THE CAT' }, expected: { status: 'not-found', quoteCount: 0 } },
  { name: 'ambiguous', selector: { quote: 'cat' }, expected: { status: 'ambiguous', count: 2, starts: [4, 16] } },
  {
    name: 'overlapping occurrences count',
    text: 'aaa',
    selector: { quote: 'aa' },
    expected: { status: 'ambiguous', count: 2, starts: [0, 1] },
  },
  { name: 'prefix picks one', selector: { quote: 'cat', prefix: 'saw the' }, expected: { status: 'found', start: 16, end: 19 } },
  { name: 'prefix with its space', selector: { quote: 'cat', prefix: 'saw the ' }, expected: { status: 'found', start: 16, end: 19 } },
  { name: 'prefix shorter than the text before', selector: { quote: 'cat', prefix: 'e' }, expected: { status: 'ambiguous', count: 2, starts: [4, 16] } },
  { name: 'suffix picks one', selector: { quote: 'cat', suffix: 'saw' }, expected: { status: 'found', start: 4, end: 7 } },
  { name: 'prefix and suffix', selector: { quote: 'the', prefix: 'saw', suffix: 'cat and' }, expected: { status: 'found', start: 12, end: 15 } },
  {
    name: 'prefix must be right before the quote',
    selector: { quote: 'cat', prefix: 'saw thy' },
    expected: { status: 'not-found', closest: { text: 'saw the cat', start: 8, end: 19 }, quoteCount: 2 },
  },
  {
    name: 'suffix must be right after the quote',
    selector: { quote: 'cat', suffix: 'and thy' },
    expected: { status: 'not-found', closest: { text: 'cat and “th', start: 16, end: 27 }, quoteCount: 2 },
  },
  {
    name: 'prefix cannot reach past the start of the text',
    selector: { quote: 'The', prefix: 'x' },
    expected: { status: 'not-found', closest: { text: 'The', start: 0, end: 3 }, quoteCount: 1 },
  },
  { name: 'empty quote', selector: { quote: '' }, expected: { status: 'not-found', quoteCount: 0 } },
  { name: 'white-space-only quote', selector: { quote: ' \n ' }, expected: { status: 'not-found', quoteCount: 0 } },
  {
    name: 'not found: closest passage, in the original characters',
    selector: { quote: 'the dogs" bowl' },
    expected: { status: 'not-found', closest: { text: 'the dog’s” bowl', start: 25, end: 40 }, quoteCount: 0 },
  },
  {
    name: 'not found: nothing close',
    selector: { quote: 'sanctions against Russia' },
    expected: { status: 'not-found', quoteCount: 0 },
  },
  {
    name: 'dashes are not normalised',
    text: 'Tokyo – under pressure',
    selector: { quote: 'Tokyo - under pressure' },
    expected: { status: 'not-found', closest: { text: 'Tokyo – under pressure', start: 0, end: 22 }, quoteCount: 0 },
  },
  {
    name: 'non-Latin text',
    text: '日本は北方領土の返還を求めている。Россия',
    selector: { quote: '北方領土の返還' },
    expected: { status: 'found', start: 3, end: 10 },
  },
];

for (const { name, text = TEXT, selector, expected } of cases) {
  test(`matchQuote: ${name}`, () => {
    assert.deepEqual(matchQuote(text, selector), expected);
  });
}

test('findAll: every start, overlapping ones too', () => {
  assert.deepEqual(findAll('abcabc', 'bc'), [1, 4]);
  assert.deepEqual(findAll('aaaa', 'aa'), [0, 1, 2]);
  assert.deepEqual(findAll('abc', 'x'), []);
  assert.deepEqual(findAll('abc', ''), []);
});

test('matchQuoteInTexts: unique across all texts, with the text it is in', () => {
  const texts = ['First block.', 'The cat saw.', 'A dog saw.'];
  assert.deepEqual(matchQuoteInTexts(texts, { quote: 'cat' }), { status: 'found', index: 1, start: 4, end: 7 });
  assert.deepEqual(matchQuoteInTexts(texts, { quote: 'saw.' }), {
    status: 'ambiguous',
    count: 2,
    places: [
      { index: 1, start: 8 },
      { index: 2, start: 6 },
    ],
  });
  assert.deepEqual(matchQuoteInTexts(texts, { quote: 'saw.', prefix: 'dog' }), { status: 'found', index: 2, start: 6, end: 10 });
});

test('matchQuoteInTexts: a quote never spans two texts, and context stays in its text', () => {
  const texts = ['It ends here.', 'Next one starts.'];
  assert.equal(matchQuoteInTexts(texts, { quote: 'here. Next' }).status, 'not-found');
  assert.equal(matchQuoteInTexts(texts, { quote: 'Next', prefix: 'here.' }).status, 'not-found');
  assert.equal(matchQuoteInTexts(texts, { quote: 'here.', suffix: 'Next' }).status, 'not-found');
});

test('matchQuoteInTexts: the closest passage comes from the best text', () => {
  const result = matchQuoteInTexts(['Nothing alike.', 'Japan adhered to the G7 sanctions.'], {
    quote: 'Japan adhered to G7 sanctions',
  });
  assert.deepEqual(result, {
    status: 'not-found',
    closest: { index: 1, text: 'Japan adhered to the G7 sanctions', start: 0, end: 33 },
    quoteCount: 0,
  });
});
