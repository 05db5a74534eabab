/**
 * The content's errors as the build reports them, for the dev server to show in the browser
 * (src/integrations/editor-tools.ts): every folder under the articles root checked the way the
 * content loader checks it, each error with its file, line, column, claim id and message.
 */
import { readArticleFolders } from '../content/article-folders.ts';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import { renderArticle } from '../pipeline/render-article.ts';
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

export function contentErrors(root: string): ShownError[] {
  const errors: ContentMessage[] = [];
  // The loader's own folder reader: the same folders, the same refusals (symlinks, encoding, …).
  for (const folder of readArticleFolders(root)) {
    errors.push(...folder.problems);
    if (!folder.input) continue;
    try {
      renderArticle(folder.input);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(...error.messages.filter((m) => m.severity === 'error'));
    }
  }
  return errors.map(shown);
}
