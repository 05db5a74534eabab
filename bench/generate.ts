/**
 * Synthetic corpus for the benchmark: N article folders that follow the content
 * contract, each about 1,200 words with 10 claims and 10 sources. Deterministic
 * (fixed seed): the same N always gives byte-identical files.
 *
 * Every claim crosses inline formatting: it starts inside an `*emphasis*` run or
 * an author link `[text](https://…)` and ends in plain text, so anchoring does
 * the real work (flat text with an offset map, element splitting).
 *
 *   npm run bench:generate -- <out-dir> <n> [--bare]
 *
 * `--bare` writes the same article.md files with an annotations.yaml that holds
 * no sources and no claims: the site built from it runs the same unified
 * processing with nothing for the annotation plugins to do (no notes, no claim pages).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORDS_PER_ARTICLE = 1200;
export const CLAIMS_PER_ARTICLE = 10;
export const SOURCES_PER_ARTICLE = 10;

const VOCAB = (
  'the of and to in a is that for on with as by was it at from this be are which an has have not ' +
  'government minister treaty islands policy sanctions summit alliance pressure relations dispute ' +
  'parliament election budget defence spending trade energy partner region border agreement ' +
  'declaration report ministry statement analysts officials economy market export import tariff ' +
  'negotiations delegation council resolution territory sovereignty history century decade war ' +
  'peace security cooperation dialogue exercise naval coast harbour pipeline reserves currency ' +
  'inflation growth industry workers farmers students court judge ruling constitution reform ' +
  'coalition opposition campaign vote survey majority minority capital province village river ' +
  'mountain northern southern eastern western former current annual recent early later strong ' +
  'weak careful public private national regional global local official independent serious ' +
  'argued announced claimed denied suggested promised rejected signed approved delayed reduced ' +
  'increased expanded suspended revoked joined attended visited described warned noted'
).split(' ');

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  kind: 'plain' | 'em' | 'link';
  words: string[];
  url?: string;
}

const KINDS = ['fact', 'interpretation', 'opinion', 'prediction'] as const;
const RATINGS = ['accurate', 'mostly-accurate', 'missing-context', 'misleading', 'inaccurate', 'unverifiable'] as const;

export function slugFor(index: number): string {
  return `article-${String(index + 1).padStart(4, '0')}`;
}

export interface GeneratedArticle {
  slug: string;
  articleMd: string;
  annotationsYaml: string;
  bareAnnotationsYaml: string;
}

export function generateArticle(index: number, seed = 20261126): GeneratedArticle {
  const rnd = random(seed + index * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const slug = slugFor(index);
  // A word unique to this article and paragraph makes every paragraph distinct (and the corpus searchable by it).
  const marker = (p: number) => `w${index + 1}x${p + 1}`;

  const words = (n: number) => Array.from({ length: n }, () => pick(VOCAB));
  /** Plain text with sentence breaks: a full stop and a capital about every 14 words. */
  const sentences = (n: number) => {
    const list = words(n);
    for (let i = 1; i < list.length - 1; i += 1) {
      if (rnd() < 1 / 14) {
        list[i - 1] += '.';
        list[i] = capitalise(list[i]!);
      }
    }
    return list;
  };
  const paragraphs: Run[][] = [];
  let total = 0;
  let p = 0;
  while (total < WORDS_PER_ARTICLE) {
    const runs: Run[] = [];
    const size = int(70, 110);
    let count = 0;
    runs.push({ kind: 'plain', words: [capitalise(pick(VOCAB)), marker(p), ...sentences(int(8, 14))] });
    count += runs[0]!.words.length;
    while (count < size) {
      const r = rnd();
      // The second run of a paragraph is always formatted, so every paragraph can hold a claim.
      const kind: Run['kind'] = runs.length === 1 ? (r < 0.6 ? 'em' : 'link') : r < 0.18 ? 'em' : r < 0.3 ? 'link' : 'plain';
      const run: Run = { kind, words: kind === 'plain' ? sentences(int(8, 16)) : words(int(2, 5)) };
      if (kind === 'link') run.url = `https://source-${int(1, 40)}.example.org/${slug}/${p + 1}`;
      // Formatting is always followed by plain text, so a claim can start inside it and end outside.
      if (kind !== 'plain' && runs.at(-1)!.kind !== 'plain') runs.push({ kind: 'plain', words: sentences(int(6, 12)) });
      runs.push(run);
      count += run.words.length;
    }
    if (runs.at(-1)!.kind !== 'plain') runs.push({ kind: 'plain', words: sentences(int(6, 12)) });
    paragraphs.push(runs);
    total += runs.reduce((sum, run) => sum + run.words.length, 0);
    p += 1;
  }

  // Claims: one in each of the first CLAIMS_PER_ARTICLE paragraphs that have formatting, starting
  // in the middle of an emphasis or link run and ending a few words into the plain text after it.
  const flatText = paragraphs.map((runs) => runs.map((run) => run.words.join(' ')).join(' ')).join('\n');
  const claims: { id: string; quote: string; kind: (typeof KINDS)[number]; rating?: string; source: number }[] = [];
  for (const [pi, runs] of paragraphs.entries()) {
    if (claims.length >= CLAIMS_PER_ARTICLE) break;
    const at = runs.findIndex((run) => run.kind !== 'plain');
    if (at === -1) continue;
    const formatted = runs[at]!;
    const after = runs[at + 1]!;
    // From the middle of the formatted run to a few words into the plain text after it,
    // longer if need be until the passage occurs once in the article.
    const start = formatted.words.slice(Math.floor(formatted.words.length / 2));
    let take = int(3, 6);
    let quote = [...start, ...after.words.slice(0, take)].join(' ');
    while (occurrences(flatText, quote) > 1 && take < after.words.length) {
      take += 1;
      quote = [...start, ...after.words.slice(0, take)].join(' ');
    }
    const n = claims.length;
    const kind = KINDS[n % KINDS.length]!;
    claims.push({
      id: `claim-${pi + 1}-${formatted.kind}`,
      quote,
      kind,
      ...(kind === 'fact' || kind === 'interpretation' ? { rating: pick(RATINGS) } : {}),
      source: n % SOURCES_PER_ARTICLE,
    });
  }

  const body = paragraphs
    .map((runs) => {
      const parts = runs.map((run) => {
        const text = run.words.join(' ');
        if (run.kind === 'em') return `*${text}*`;
        if (run.kind === 'link') return `[${text}](${run.url})`;
        return text;
      });
      return `${parts.join(' ')}.`;
    })
    .join('\n\n');

  const title = `Synthetic article ${index + 1}: ${capitalise(words(5).join(' '))}`;
  const articleMd = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'author:',
    `  name: ${JSON.stringify(`Author ${int(1, 50)}`)}`,
    `published: 2022-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    `publisher: ${JSON.stringify(`Publisher ${int(1, 20)}`)}`,
    `summary: ${JSON.stringify(`A synthetic benchmark article about ${words(6).join(' ')}.`)}`,
    'lang: en',
    '---',
    '',
    body,
    '',
  ].join('\n');

  const sources = Array.from({ length: SOURCES_PER_ARTICLE }, (_, k) => {
    return [
      `  src-${k + 1}:`,
      `    title: ${JSON.stringify(`Source ${k + 1} on ${words(4).join(' ')}`)}`,
      `    publisher: ${JSON.stringify(`Archive ${int(1, 30)}`)}`,
      `    date: 2021-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      `    url: https://archive-${int(1, 30)}.example.org/${slug}/src-${k + 1}`,
      `    excerpt: ${JSON.stringify(`${capitalise(words(int(15, 25)).join(' '))}.`)}`,
    ].join('\n');
  });
  const claimYaml = claims.map((claim) =>
    [
      `  - id: ${claim.id}`,
      `    quote: ${JSON.stringify(claim.quote)}`,
      `    kind: ${claim.kind}`,
      ...(claim.rating ? [`    rating: ${claim.rating}`] : []),
      `    summary: ${JSON.stringify(`${capitalise(words(int(10, 16)).join(' '))}.`)}`,
      '    note: |',
      `      ${capitalise(words(int(25, 40)).join(' '))} [^src-${claim.source + 1}]. ${capitalise(words(int(20, 35)).join(' '))}, *${words(3).join(' ')}*.`,
      '',
      `      ${capitalise(words(int(20, 30)).join(' '))} [^src-${((claim.source + 1) % SOURCES_PER_ARTICLE) + 1}].`,
      `    topics: [${pick(VOCAB.slice(40))}]`,
    ].join('\n'),
  );
  const annotationsYaml = [
    `# Synthetic annotations for ${slug} (bench/generate.ts).`,
    'sources:',
    ...sources,
    '',
    'article:',
    '  assessment: |',
    `    ${capitalise(words(40).join(' '))} [^src-1].`,
    '  checked: 2026-11-26',
    '',
    'claims:',
    ...claimYaml,
    '',
  ].join('\n');
  const bareAnnotationsYaml = `# Synthetic ${slug} without annotations (bench/generate.ts --bare).\nsources: {}\nclaims: []\n`;
  return { slug, articleMd, annotationsYaml, bareAnnotationsYaml };
}

function occurrences(text: string, passage: string): number {
  let count = 0;
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) count += 1;
  return count;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Writes N article folders into `dir` (emptied first). */
export function generateCorpus(dir: string, n: number, { bare = false } = {}): void {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < n; i += 1) {
    const article = generateArticle(i);
    const folder = join(dir, article.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'article.md'), article.articleMd);
    writeFileSync(join(folder, 'annotations.yaml'), bare ? article.bareAnnotationsYaml : article.annotationsYaml);
  }
}

if (import.meta.main) {
  const [dir, n, flag] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node bench/generate.ts <out-dir> <n> [--bare]');
    process.exit(2);
  }
  generateCorpus(dir, Number(n), { bare: flag === '--bare' });
  console.log(`wrote ${n} articles to ${dir}${flag === '--bare' ? ' (no annotations)' : ''}`);
}
