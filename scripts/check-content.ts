/**
 * npm run check — validates every article folder without building the site and
 * prints every problem at once, one `file:line:column` line each, then a count.
 * Exits 1 on any error; warnings are printed but do not fail.
 *
 *   node scripts/check-content.ts [content/articles]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError, formatMessage, hasErrors, sortMessages, summarizeMessages } from '../src/pipeline/messages.ts';
import { ID_PATTERN } from '../src/pipeline/format-checks.ts';
import { parseAnnotations } from '../src/pipeline/parse-annotations.ts';
import { parseArticle } from '../src/pipeline/parse-article.ts';
import type { ContentMessage, RenderedArticle } from '../src/pipeline/types.ts';

type RenderArticle = (input: {
  slug: string;
  articleFile: string;
  articleSource: string;
  annotationsFile: string;
  annotationsSource: string;
}) => RenderedArticle;

const root = resolve(process.argv[2] ?? 'content/articles');
const display = (path: string) => relative(process.cwd(), path) || '.';

const renderArticle = await loadRenderArticle();
const messages: ContentMessage[] = [];
const slugs = existsSync(root) ? readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort() : [];
for (const slug of slugs) messages.push(...checkFolder(slug));

for (const message of sortMessages(messages)) console.log(formatMessage(message));
const articles = `${slugs.length} ${slugs.length === 1 ? 'article' : 'articles'}`;
console.log(`${messages.length > 0 ? '\n' : ''}${articles} checked: ${summarizeMessages(messages)}`);
if (!renderArticle) console.log('note: src/pipeline/render-article.ts is absent; quote anchoring was not checked');
process.exitCode = hasErrors(messages) ? 1 : 0;

function checkFolder(slug: string): ContentMessage[] {
  const folder = join(root, slug);
  if (!ID_PATTERN.test(slug)) {
    return [problem(display(folder), 'slug-format', 'folder name must be lower-case letters, digits and single hyphens', slug)];
  }
  const articleFile = display(join(folder, 'article.md'));
  const annotationsFile = display(join(folder, 'annotations.yaml'));
  const missing = [articleFile, annotationsFile].filter((file) => !existsSync(file));
  if (missing.length > 0) return missing.map((file) => problem(file, 'file-missing', 'file is missing'));

  const articleSource = readFileSync(articleFile, 'utf8');
  const annotationsSource = readFileSync(annotationsFile, 'utf8');
  // Parse-level problems always, so none is lost if rendering stops early; the union is de-duplicated.
  const found = [...parseArticle(articleSource, articleFile).messages, ...parseAnnotations(annotationsSource, annotationsFile).messages];
  if (renderArticle) found.push(...renderMessages(renderArticle, { slug, articleFile, articleSource, annotationsFile, annotationsSource }));
  return unique(found);
}

function renderMessages(render: RenderArticle, input: Parameters<RenderArticle>[0]): ContentMessage[] {
  try {
    return render(input).warnings;
  } catch (error) {
    if (error instanceof ContentError) return error.messages;
    // A crash is a pipeline bug, not a content problem: show it whole, and fail.
    console.error(`internal error while rendering ${input.slug}:`, error);
    return [problem(input.articleFile, 'internal-error', `the pipeline crashed: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

/** renderArticle when its module exists; otherwise undefined, and only parse-level checks run. */
async function loadRenderArticle(): Promise<RenderArticle | undefined> {
  const file = resolve(import.meta.dirname, '../src/pipeline/render-article.ts');
  if (!existsSync(file)) return undefined;
  const module = (await import(pathToFileURL(file).href)) as { renderArticle?: RenderArticle };
  return module.renderArticle;
}

function problem(file: string, ruleId: string, reason: string, folder?: string): ContentMessage {
  const message: ContentMessage = { file, line: 1, column: 1, ruleId, severity: 'error', reason };
  if (folder !== undefined) Object.assign(message, { subject: folder, subjectKind: 'folder' });
  return message;
}

function unique(found: ContentMessage[]): ContentMessage[] {
  const seen = new Set<string>();
  return found.filter((message) => {
    const line = formatMessage(message);
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}
