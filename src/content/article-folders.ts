/**
 * The one reader of the content folder, shared by the content loader and `npm run check`:
 * which article folders there are, and each folder's two files as text — or the problems
 * that stop it from being read, each as a content message naming the file and line.
 *
 * Refused here, before any parsing: a folder name that is not a slug, a missing file, a
 * symbolic link (it could publish files from outside content/), a folder where a file should
 * be, and text that is not valid UTF-8 (it would be published as U+FFFD garbage). Lone CR
 * line ends (old Mac files) are read as line ends, so lines count as an editor shows them.
 * Knows nothing of Astro.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ID_PATTERN } from '../pipeline/format-checks.ts';
import type { ArticleInput } from '../pipeline/render-article.ts';
import type { ContentMessage } from '../pipeline/types.ts';

export interface ArticleFolder {
  slug: string;
  /** The input to render, when both files could be read. */
  input?: ArticleInput;
  problems: ContentMessage[];
}

/** Every entry of the content folder that could be an article, in name order. */
export function readArticleFolders(root: string, cwd = process.cwd()): ArticleFolder[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => readArticleFolder(root, slug, cwd));
}

export function readArticleFolder(root: string, slug: string, cwd = process.cwd()): ArticleFolder {
  const folder = join(root, slug);
  const shown = relative(cwd, folder) || '.';
  if (lstatSync(folder).isSymbolicLink()) {
    return { slug, problems: [problem(shown, 'symlink', 'is a symbolic link; article folders must be real folders inside the content folder (copy the files in)', slug)] };
  }
  if (!ID_PATTERN.test(slug)) {
    return { slug, problems: [problem(shown, 'slug-format', 'folder name must be lower-case letters, digits and single hyphens', slug)] };
  }
  const articleFile = relative(cwd, join(folder, 'article.md'));
  const annotationsFile = relative(cwd, join(folder, 'annotations.yaml'));
  const article = readText(join(folder, 'article.md'), articleFile);
  const annotations = readText(join(folder, 'annotations.yaml'), annotationsFile);
  const problems = [...article.problems, ...annotations.problems];
  if (article.text === undefined || annotations.text === undefined) return { slug, problems };
  return { slug, problems, input: { slug, articleFile, articleSource: article.text, annotationsFile, annotationsSource: annotations.text } };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A content file as text, or why it cannot be read; messages name it as `file`. */
export function readText(path: string, file = path): { text?: string; problems: ContentMessage[] } {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { problems: [problem(file, 'file-missing', 'file is missing')] };
  }
  if (stat.isSymbolicLink()) return { problems: [problem(file, 'symlink', 'is a symbolic link; content files must be real files in their article folder')] };
  if (!stat.isFile()) return { problems: [problem(file, 'file-missing', 'is a folder (or other non-file), not a file')] };
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { problems: [encodingProblem(file, bytes)] };
  }
  return { text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text, problems: [] };
}

/** Where the first byte that is not UTF-8 is, as line and column. */
function encodingProblem(file: string, bytes: Buffer): ContentMessage {
  const loose = new TextDecoder().decode(bytes);
  // Up to the first bad byte the text decodes as written, so byte offsets line up; a U+FFFD
  // that was written as such (EF BF BD) is not the problem.
  let at = 0;
  let offset = 0;
  for (;;) {
    at = loose.indexOf('\uFFFD', at);
    if (at === -1) break;
    offset = Buffer.byteLength(loose.slice(0, at));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    at++;
  }
  const lines = loose.slice(0, Math.max(at, 0)).split(/\r\n|\r|\n/);
  const byte = bytes[offset] ?? 0;
  return {
    ...problem(file, 'encoding', `is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at this place starts no character (the file was probably saved as Windows-1252 or Latin-1); save it as UTF-8`),
    line: lines.length,
    column: (lines.at(-1)?.length ?? 0) + 1,
  };
}

function problem(file: string, ruleId: string, reason: string, folder?: string): ContentMessage {
  return { file, line: 1, column: 1, ruleId, severity: 'error', reason, ...(folder !== undefined ? { subject: folder, subjectKind: 'folder' as const } : {}) };
}
