/**
 * Build cost of hostile content, per KB: how long `renderArticle` (what the content loader runs
 * per article) takes on text made to be slow — delimiter runs and nesting just under the limits
 * of src/pipeline/markdown-limits.ts, and far over them (refused) — beside ordinary prose. The
 * limits exist so that the worst case stays within a small multiple of the ordinary one.
 *
 *   npm run bench:hostile        print the table (bench/run.ts records it in results.json)
 */
import { MARKDOWN_LIMITS } from '../src/pipeline/markdown-limits.ts';
import { ContentError } from '../src/pipeline/messages.ts';
import { renderArticle } from '../src/pipeline/render-article.ts';

export interface HostileCase {
  name: string;
  kb: number;
  ms: number;
  msPerKb: number;
  outcome: 'rendered' | 'refused';
}

const FRONT = '---\ntitle: T\nauthor:\n  name: A\npublished: 2022-06-27\npublisher: P\n---\n\n';
const SIZE = 30_000;

/** `paragraph` repeated to about 30 KB. */
function fill(paragraph: string): string {
  return Array.from({ length: Math.ceil(SIZE / (paragraph.length + 2)) }, () => paragraph).join('\n\n');
}

/** `head` once, then ordinary prose to about 30 KB. */
function then(head: string): string {
  return `${head}\n\n${fill(PROSE).slice(0, Math.max(0, SIZE - head.length))}`;
}

const PROSE = 'The harbour at Porthmere reopened on *1 May*, after **two years** of repairs costing [£4 million](https://example.org/).';

const CASES: [string, string][] = [
  ['ordinary prose', fill(PROSE)],
  ['alternating delimiters, at the limit per paragraph', fill('*a_'.repeat(MARKDOWN_LIMITS.delimiters / 2))],
  ['brackets, at the limit per paragraph', fill('[a]'.repeat(MARKDOWN_LIMITS.delimiters / 2))],
  ['one-line blockquotes, as many as allowed', then(Array.from({ length: MARKDOWN_LIMITS.containers }, () => '> quoted').join('\n\n'))],
  ['blockquotes nested as deep as allowed, as many as allowed', then(Array.from({ length: Math.floor(MARKDOWN_LIMITS.containers / MARKDOWN_LIMITS.nesting) }, () => `${'>'.repeat(MARKDOWN_LIMITS.nesting)} deep`).join('\n\n'))],
  ['alternating delimiters, one 30 KB paragraph (refused)', '*a_'.repeat(SIZE / 3)],
  ['nested blockquotes, 30 KB deep (refused)', `${'>'.repeat(SIZE)} deep`],
];

export function measureHostile(): { cases: HostileCase[]; worstMsPerKb: number; ordinaryMsPerKb: number } {
  const cases = CASES.map(([name, body]): HostileCase => {
    const articleSource = `${FRONT}${body}\n`;
    const input = { slug: 'x', articleFile: 'article.md', articleSource, annotationsFile: 'annotations.yaml', annotationsSource: '' };
    renderArticle({ ...input, articleSource: `${FRONT}Warm up.\n` });
    const started = performance.now();
    let outcome: HostileCase['outcome'] = 'rendered';
    try {
      renderArticle(input);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      outcome = 'refused';
    }
    const ms = performance.now() - started;
    const kb = Buffer.byteLength(articleSource) / 1000;
    return { name, kb: Math.round(kb * 10) / 10, ms: Math.round(ms), msPerKb: Math.round((ms / kb) * 10) / 10, outcome };
  });
  return {
    cases,
    worstMsPerKb: Math.max(...cases.map((c) => c.msPerKb)),
    ordinaryMsPerKb: cases[0]!.msPerKb,
  };
}

if (import.meta.main) {
  const { cases, worstMsPerKb } = measureHostile();
  for (const c of cases) console.log(`${c.name}: ${c.kb} KB, ${c.ms} ms, ${c.msPerKb} ms/KB (${c.outcome})`);
  console.log(`worst: ${worstMsPerKb} ms/KB`);
}
