import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curlyQuotes, nestedQuotes } from './typography.ts';

describe('curlyQuotes', () => {
  it('opens quotes after a space or bracket and closes them elsewhere', () => {
    assert.equal(curlyQuotes('He said "no" (and "never").'), 'He said “no” (and “never”).');
    assert.equal(curlyQuotes('"Quoted" first'), '“Quoted” first');
  });
  it("makes apostrophes and single quotes curly", () => {
    assert.equal(curlyQuotes("Japan's 'Northern Territories'"), 'Japan’s ‘Northern Territories’');
  });
  it('leaves curly quotes and other text as they are', () => {
    assert.equal(curlyQuotes('“Already” curly — and plain'), '“Already” curly — and plain');
  });
});

describe('nestedQuotes', () => {
  it('turns a passage’s own double quotes single, so quoting it never doubles the marks', () => {
    assert.equal(nestedQuotes('“Western nations have requested,” he added.'), '‘Western nations have requested,’ he added.');
    assert.equal(nestedQuotes('a “most-favored trading nation”'), 'a ‘most-favored trading nation’');
  });
});
