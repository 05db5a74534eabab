/**
 * The content's errors as the build reports them, for the dev server to show in the browser
 * (src/integrations/editor-tools.ts): every folder under the articles root checked the way the
 * content loader checks it, each error with its file, line, column, claim id and message.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import { renderArticle } from '../pipeline/render-article.ts';
import type { ContentMessage } from '../pipeline/types.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
  const slugs = existsSync(root) ? readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort() : [];
  for (const slug of slugs) {
    const folder = join(root, slug);
    const articleFile = relative(process.cwd(), join(folder, 'article.md'));
    const annotationsFile = relative(process.cwd(), join(folder, 'annotations.yaml'));
    const at = (file: string, ruleId: string, reason: string, subject?: string): ContentMessage => ({
      file,
      line: 1,
      column: 1,
      ruleId,
      severity: 'error',
      reason,
      ...(subject ? { subject, subjectKind: 'folder' as const } : {}),
    });
    if (!SLUG.test(slug)) {
      errors.push(at(relative(process.cwd(), folder), 'slug-format', 'is not lower-case letters, digits and single hyphens', slug));
      continue;
    }
    const missing = [articleFile, annotationsFile].filter((file) => !existsSync(file));
    if (missing.length > 0) {
      errors.push(...missing.map((file) => at(file, 'file-missing', 'file is missing')));
      continue;
    }
    try {
      renderArticle({
        slug,
        articleFile,
        articleSource: readFileSync(articleFile, 'utf8'),
        annotationsFile,
        annotationsSource: readFileSync(annotationsFile, 'utf8'),
      });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(...error.messages.filter((m) => m.severity === 'error'));
    }
  }
  return errors.map(shown);
}
