/**
 * npm run new-article -- <saved-page.html|.txt> [--slug <slug>] [--content <articles folder>]
 *
 * Starts content/articles/<slug>/ from a saved web page (HTML) or a copy of it as text: an
 * article.md with the front matter the page states and its text as Markdown (boilerplate left
 * out, links kept), and an empty annotations.yaml. Says what it could not find. Never
 * overwrites: an existing folder is an error. See docs/editing.md.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffold, writeArticleFolder } from '../src/editor/scaffold.ts';
import { ID_PATTERN } from '../src/pipeline/format-checks.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: 'string' }, content: { type: 'string' } },
});
const [page] = positionals;
if (!page) {
  console.error('usage: npm run new-article -- <saved-page.html|.txt> [--slug <slug>]');
  process.exit(2);
}
if (values.slug !== undefined && !ID_PATTERN.test(values.slug)) {
  console.error(`error: --slug "${values.slug}" must be lower-case letters, digits and single hyphens`);
  process.exit(2);
}

try {
  const result = scaffold(readFileSync(page, 'utf8'), basename(page), values.slug);
  const folder = writeArticleFolder(resolve(values.content ?? 'content/articles'), result);
  const shown = relative(process.cwd(), folder);
  console.log(`wrote ${join(shown, 'article.md')} and ${join(shown, 'annotations.yaml')}`);
  if (result.missing.length > 0) {
    console.log(`not found on the page: ${result.missing.join(', ')}`);
    console.log('  add them to the front matter (see docs/content-format.md); npm run check names each one still missing');
  } else {
    console.log('found: title, author, publisher, date and URL');
  }
  console.log(`next: read ${join(shown, 'article.md')} against the page, then npm run check and npm run dev`);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
