/**
 * Bounds on the work Markdown can ask for, measured on the text before it is parsed.
 *
 * Length limits alone do not bound the work: a few thousand `>` in a short note nest so deep
 * that turning the tree into HTML overflows the stack, and a paragraph of alternating emphasis
 * delimiters (`*a_*a_…`) or brackets makes the parser quadratic (15 KB took 4 s, 30 KB 15 s).
 * So two things are counted, per line and per paragraph, and content beyond either limit is
 * refused with the line it is on. Pure: text in, problems out; nothing here parses Markdown.
 */

/** The documented limits (docs/content-format.md, "Hostile and odd content"). */
export const MARKDOWN_LIMITS = {
  /** Blockquotes and list items opened on one line, plus two spaces of indentation per level. */
  nesting: 32,
  /** Runs of `*`, `_` or `~`, or `[` / `]` brackets, in one paragraph. */
  delimiters: 300,
  /**
   * Blockquote and list markers in the whole text: the parser's work grows with the square of
   * how many containers a text opens (2,400 one-line blockquotes took 9 s), not with its length.
   */
  containers: 1_000,
} as const;

export interface MarkdownLimitProblem {
  ruleId: 'nesting-too-deep' | 'delimiters-too-many' | 'blocks-too-many';
  /** 1-based line in the text given. */
  line: number;
  column: number;
  reason: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** One container marker at the start of what is left of a line: `>` or a list bullet / number. */
const CONTAINER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** Where a paragraph ends for counting: a blank line, or a line that opens a block of its own. */
const BLOCK_START = /^[ \t]*(?:$|>|#{1,6}(?:[ \t]|$)|[-+*][ \t]|\d{1,9}[.)][ \t]|\|)/;
const DELIMITER_RUN = /[*_~]+|[[\]]/g;

export function checkMarkdownLimits(text: string): MarkdownLimitProblem[] {
  const problems: MarkdownLimitProblem[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let runs = 0;
  let paragraphLine = 1;
  let reportedParagraph = false;
  let containers = 0;

  lines.forEach((line, index) => {
    const number = index + 1;
    const depth = nestingDepth(line);
    const open = FENCE.exec(line.replace(/^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)]))+[ \t]*/, ''))?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
      return; // code is shown as written: neither nesting nor delimiters cost anything there
    }
    if (open) {
      fence = open;
      return;
    }
    const opened = containerMarkers(line);
    // One message a line: a line nested too deep is reported as that, whatever it adds to the count.
    if (depth <= MARKDOWN_LIMITS.nesting && containers <= MARKDOWN_LIMITS.containers && containers + opened > MARKDOWN_LIMITS.containers) {
      problems.push({
        ruleId: 'blocks-too-many',
        line: number,
        column: 1,
        reason: `Markdown opens more than ${MARKDOWN_LIMITS.containers} blockquotes and list items by this line; the most allowed in one text is ${MARKDOWN_LIMITS.containers}`,
      });
    }
    containers += opened;
    if (depth > MARKDOWN_LIMITS.nesting) {
      problems.push({
        ruleId: 'nesting-too-deep',
        line: number,
        column: 1,
        reason: `Markdown nests ${depth} levels deep here (blockquotes, lists and indentation); the most allowed is ${MARKDOWN_LIMITS.nesting}`,
      });
    }
    if (BLOCK_START.test(line)) {
      runs = 0;
      paragraphLine = line.trim() === '' ? number + 1 : number;
      reportedParagraph = false;
    }
    runs += line.match(DELIMITER_RUN)?.length ?? 0;
    if (runs > MARKDOWN_LIMITS.delimiters && !reportedParagraph) {
      reportedParagraph = true;
      problems.push({
        ruleId: 'delimiters-too-many',
        line: paragraphLine,
        column: 1,
        reason: `the paragraph starting here has more than ${MARKDOWN_LIMITS.delimiters} emphasis marks (* _ ~) or brackets ([ ]); split it into paragraphs, or put literal text in \`code\``,
      });
    }
  });
  return problems;
}

/** How many `>` and list markers a line starts with. */
function containerMarkers(line: string): number {
  let rest = line;
  let count = 0;
  for (;;) {
    rest = rest.replace(/^[ \t]*/, '');
    const marker = CONTAINER.exec(rest);
    if (!marker) return count;
    count += 1;
    rest = rest.slice(marker[0].length);
  }
}

/** How many containers a line opens or continues: `>` and list markers, plus indentation / 2. */
export function nestingDepth(line: string): number {
  let rest = line;
  let depth = 0;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    depth += Math.floor(indent.replace(/\t/g, '    ').length / 2);
    rest = rest.slice(indent.length);
    const marker = CONTAINER.exec(rest);
    if (!marker) return depth;
    depth += 1;
    rest = rest.slice(marker[0].length);
  }
}
