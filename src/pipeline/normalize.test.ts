import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from './normalize.ts';

const cases: { name: string; input: string; text: string; map: number[] }[] = [
  { name: 'empty', input: '', text: '', map: [0] },
  { name: 'plain text is unchanged', input: 'abc', text: 'abc', map: [0, 1, 2, 3] },
  { name: 'a white space run becomes one space', input: 'a \n\t b', text: 'a b', map: [0, 1, 5, 6] },
  { name: 'leading and trailing runs are kept as one space', input: '  a  ', text: ' a ', map: [0, 2, 3, 5] },
  { name: 'no-break space counts as white space', input: 'a\u00A0b', text: 'a b', map: [0, 1, 2, 3] },
  { name: 'apostrophes', input: '’‘‛′\'', text: "'''''", map: [0, 1, 2, 3, 4, 5] },
  { name: 'double quotes', input: '“”„″"', text: '"""""', map: [0, 1, 2, 3, 4, 5] },
  { name: 'dashes are not normalised', input: 'a – b — c - d', text: 'a – b — c - d', map: [...Array(14).keys()] },
  { name: 'case is kept', input: 'Japan JAPAN', text: 'Japan JAPAN', map: [...Array(12).keys()] },
  { name: 'non-Latin text is kept', input: '北方領土  Россия', text: '北方領土 Россия', map: [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12] },
];

for (const { name, input, text, map } of cases) {
  test(`normalize: ${name}`, () => {
    assert.deepEqual(normalize(input), { text, map });
  });
}

test('normalize: offsets map back onto the original passage', () => {
  const original = 'It supported  “Ukraine’s\nterritorial integrity”.';
  const { text, map } = normalize(original);
  const start = text.indexOf('"Ukraine\'s territorial');
  const end = start + '"Ukraine\'s territorial'.length;
  assert.equal(original.slice(map[start], map[end]), '“Ukraine’s\nterritorial');
});

test('normalize: the map has one entry per character plus the end', () => {
  for (const input of ['', ' ', 'a  b', '“x”\n\n y ']) {
    const { text, map } = normalize(input);
    assert.equal(map.length, text.length + 1);
    assert.equal(map.at(-1), input.length);
  }
});
