import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, nearestWord, searchWords, suggestQuery } from './search-words.ts';

test('searchWords lists distinct words of four letters or more, in their most frequent spelling, sorted', () => {
  const words = searchWords(['Prime Minister Kishida met Putin.', 'Kishida said the Treaty stands; the treaty, he said, stands.', "Japan's stance"]);
  assert.deepEqual(words, ['Japan', 'Kishida', 'Minister', 'Prime', 'Putin', 'said', 'stance', 'stands', 'treaty']);
});

test('editDistance counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
  assert.equal(editDistance('kishda', 'kishida'), 1);
  assert.equal(editDistance('kishdia', 'kishida'), 1);
  assert.equal(editDistance('shikotan', 'shikotan'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'stops early past the limit');
});

test('nearestWord finds the closest listed word, ignoring case, and nothing for a listed or far word', () => {
  const words = ['Kishida', 'Kishinev', 'Shikotan', 'treaty', 'treats'];
  assert.equal(nearestWord('Kishda', words), 'Kishida');
  assert.equal(nearestWord('shikotna', words), 'Shikotan');
  assert.equal(nearestWord('treaty', words), null);
  assert.equal(nearestWord('TREATY', words), null);
  assert.equal(nearestWord('banana', words), null);
  assert.equal(nearestWord('tre', words), null, 'too short to correct');
});

test('suggestQuery corrects each mistyped word and keeps the rest, or says nothing changed', () => {
  const words = ['Kishida', 'Russia', 'sanctions'];
  assert.equal(suggestQuery('Kishda sanctons', words), 'Kishida sanctions');
  assert.equal(suggestQuery('Kishida and Russia', words), null);
});
