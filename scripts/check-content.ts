/**
 * npm run check — validates every article folder without building the site and
 * prints every problem at once, one `file:line:column` line each, then a count.
 * Exits 1 on any error; warnings are printed but do not fail.
 *
 *   npm run check -- [content/articles]
 */
import { resolve } from 'node:path';
import { readArticleFolders } from '../src/content/article-folders.ts';
import type { ArticleFolder } from '../src/content/article-folders.ts';
import { ContentError, formatMessage, hasErrors, sortMessages, summarizeMessages } from '../src/pipeline/messages.ts';
import { parseAnnotations } from '../src/pipeline/parse-annotations.ts';
import { parseArticle } from '../src/pipeline/parse-article.ts';
import { renderArticle } from '../src/pipeline/render-article.ts';
import type { ArticleInput } from '../src/pipeline/render-article.ts';
import type { ContentMessage } from '../src/pipeline/types.ts';

const root = resolve(process.argv[2] ?? 'content/articles');

const messages: ContentMessage[] = [];
// The same reader as the content loader: the same folders, the same refusals.
const folders = readArticleFolders(root);
for (const folder of folders) messages.push(...checkFolder(folder));

for (const message of sortMessages(messages)) console.log(formatMessage(message));
const articles = `${folders.length} ${folders.length === 1 ? 'article' : 'articles'}`;
console.log(`${messages.length > 0 ? '\n' : ''}${articles} checked: ${summarizeMessages(messages)}`);
process.exitCode = hasErrors(messages) ? 1 : 0;

function checkFolder({ input, problems }: ArticleFolder): ContentMessage[] {
  if (!input) return problems;
  // Parse-level problems always, so none is lost if rendering stops early; the union is de-duplicated.
  const found = [...problems, ...parseArticle(input.articleSource, input.articleFile).messages, ...parseAnnotations(input.annotationsSource, input.annotationsFile).messages];
  found.push(...renderMessages(input));
  return unique(found);
}

function renderMessages(input: ArticleInput): ContentMessage[] {
  try {
    return renderArticle(input).warnings;
  } catch (error) {
    if (error instanceof ContentError) return error.messages;
    // A crash is a pipeline bug, not a content problem: show it whole, and fail.
    console.error(`internal error while rendering ${input.slug}:`, error);
    return [{ file: input.articleFile, line: 1, column: 1, ruleId: 'internal-error', severity: 'error', reason: `the pipeline crashed: ${error instanceof Error ? error.message : String(error)}` }];
  }
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
