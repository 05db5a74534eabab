/**
 * The source text of every `<style>` element of a built page: the same strings, in the same
 * order, as `inlineStyles(parseHtml(html))` (./html-tree.ts), found about five times faster.
 *
 * A page is read by htmlparser2's tokenizer, which skips through text, attribute values,
 * comments and raw text (`<script>`, `<style>`, `<title>`, `<textarea>`, `<xmp>`) by searching for
 * the character that ends them, where parse5 (a tree builder that follows the HTML standard to the
 * letter) steps through every character and builds every node. It is still a tokeniser, not a
 * pattern: the text "<style>" in an attribute value, a comment, or one of those raw-text elements
 * is not a start tag.
 *
 * htmlparser2 departs from the standard in corners of the syntax, and there the tokens can differ
 * from the tree. A page that reaches one of those corners is given to parse5 instead (`needsTree`):
 * - input the standard rewrites first: a carriage return or a NUL character;
 * - a comment closed by `--!>`, and `<![CDATA[` (a bogus comment outside SVG and MathML);
 * - `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>`, `<plaintext>` (raw text to the standard);
 * - `<svg>`, `<math>` (a `<style>` there is a foreign element with markup inside), `<select>` and
 *   `<frameset>` (which ignore a `<style>`), `<template>` (which ignores one in some places);
 * - a `<style>` after a `<table>` (the tree may move content before the table);
 * - a raw-text element written self-closing (`<style/>`), one closed by `</style/`, a script that
 *   holds `<!--` (the standard's escaped script states), and an end tag with anything before its `>`.
 * None of these occurs on this site's pages; the comparison over every built page and the
 * differential test (tests/unit/csp-style-hashes.test.ts) hold the two readers to the same answer.
 */
import { Tokenizer } from 'htmlparser2';
import { inlineStyles, parseHtml } from './html-tree.ts';

/** Characters and sequences where the standard's tokenizer and htmlparser2's part ways. */
const NEEDS_TREE_TEXT = /[\r\0]|--!>|<!\[/;
const NEEDS_TREE_TAGS = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'svg', 'math', 'select', 'frameset', 'template']);
/** Elements whose content both tokenizers read as raw text, to the same end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const GT = 0x3e;

class NeedsTree extends Error {}
const needsTree = (): never => {
  throw new NeedsTree();
};

/**
 * The `<style>` texts of a page read by its tokens alone, or undefined where only the tree can
 * tell (see above).
 */
export function inlineStylesFromTokens(html: string): string[] | undefined {
  if (NEEDS_TREE_TEXT.test(html)) return undefined;
  const styles: string[] = [];
  let tag = ''; // the start tag being read
  let rawText = ''; // the raw-text element we are in, if any
  let text = ''; // its text so far
  let afterTable = false;

  const endRawText = () => {
    const lower = text.toLowerCase();
    if (lower.includes(`</${rawText}/`) || (rawText === 'script' && lower.includes('<!--'))) needsTree();
    if (rawText === 'style') styles.push(text);
    rawText = '';
    text = '';
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        if (NEEDS_TREE_TAGS.has(tag)) needsTree();
        if (tag === 'table') afterTable = true;
      },
      onopentagend() {
        if (!RAW_TEXT.has(tag)) return;
        if (tag === 'style' && afterTable) needsTree();
        rawText = tag;
      },
      onselfclosingtag() {
        if (RAW_TEXT.has(tag)) needsTree();
      },
      ontext(start, end) {
        if (rawText) text += html.slice(start, end);
      },
      onclosetag(_start, end) {
        // `</p class=">">`: the standard reads the end tag's attributes, htmlparser2 stops at a `>`.
        if (html.charCodeAt(end) !== GT) needsTree();
        if (rawText) endRawText();
      },
      onend() {
        if (rawText) endRawText();
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      ontextentity() {},
    },
  );
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (error) {
    if (error instanceof NeedsTree) return undefined;
    throw error;
  }
  return styles;
}

/** The source text of every `<style>` element of a page, in document order. */
export function inlineStylesOf(html: string): string[] {
  return inlineStylesFromTokens(html) ?? inlineStyles(parseHtml(html));
}
