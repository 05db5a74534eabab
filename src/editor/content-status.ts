/**
 * The content's errors as the build reports them, for the dev server to show in the browser
 * (src/integrations/editor-tools.ts): every folder under the articles root checked the way the
 * content loader checks it, each error with its file, line, column, claim id and message.
 */
import { readArticleFolders } from '../content/article-folders.ts';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import { renderArticle, type ArticleInput } from '../pipeline/render-article.ts';
import type { ContentMessage } from '../pipeline/types.ts';

export interface ShownError {
  file: string;
  line: number;
  column: number;
  /** The claim (or source, field, folder) the message is about, when it is about one. */
  subject?: string;
  subjectKind?: string;
  ruleId: string;
  reason: string;
  /** The whole line as `npm run build` and `npm run check` print it. */
  text: string;
}

function shown(m: ContentMessage): ShownError {
  return {
    file: m.file,
    line: m.line ?? 1,
    column: m.column ?? 1,
    ...(m.subject !== undefined ? { subject: m.subject, subjectKind: m.subjectKind ?? 'claim' } : {}),
    ruleId: m.ruleId,
    reason: m.reason,
    text: formatMessage(m),
  };
}

/**
 * An article's errors from rendering it, remembered by its files' text: the dev server asks on
 * every page load and every edit, and rendering every article each time would block it for
 * seconds in a large edition. Only an article whose files changed since the last ask is rendered.
 */
const renderErrors = new Map<string, { key: string; errors: ContentMessage[] }>();

function errorsOfRendering(input: ArticleInput): ContentMessage[] {
  const key = JSON.stringify([input.articleFile, input.articleSource, input.annotationsFile, input.annotationsSource]);
  const known = renderErrors.get(input.slug);
  if (known?.key === key) return known.errors;
  let errors: ContentMessage[] = [];
  try {
    renderArticle(input);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    errors = error.messages.filter((m) => m.severity === 'error');
  }
  renderErrors.set(input.slug, { key, errors });
  return errors;
}

export function contentErrors(root: string): ShownError[] {
  const errors: ContentMessage[] = [];
  // The loader's own folder reader: the same folders, the same refusals (symlinks, encoding, …).
  const folders = readArticleFolders(root);
  for (const folder of folders) {
    errors.push(...folder.problems);
    if (folder.input) errors.push(...errorsOfRendering(folder.input));
  }
  // Forget deleted articles, so the map holds only what the folder holds.
  const slugs = new Set(folders.map((folder) => folder.slug));
  for (const slug of renderErrors.keys()) if (!slugs.has(slug)) renderErrors.delete(slug);
  return errors.map(shown);
}
