/**
 * npm run test:links — checks a built site before it can ship:
 *
 * - every internal `href`, `src`, `srcset`, `action`, `cite` and CSS `url()` resolves to a file in
 *   the build (absolute URLs on the site's own origin, e.g. canonical links, count as internal);
 * - every fragment (`#claim-…`, `#note-…`, `#source-3`, back-links, `#p-…`) names an id on its page,
 *   and every `aria-describedby` / `aria-labelledby` / `aria-controls` / `for` names one too;
 * - external links carry `rel="noopener noreferrer"`;
 * - no id is given twice on one page;
 * - nothing needs more than the Content-Security-Policy in `_headers` allows: inline scripts
 *   (other than JSON data blocks) and `<style>` elements only with their hash in the policy, no
 *   `style=` or `on…=` attributes, no `javascript:` URLs.
 *
 * Three parts, each in scripts/site-check/: the pages and their ids (pages.ts), the references
 * (references.ts) and the Content-Security-Policy (csp.ts). A failure names the page and, where it can, the content file (and claim) it came from.
 *
 *   npm run test:links -- [dist=${DIST_DIR:-dist}]
 *   env: BASE_PATH (as for the build), SITE_URL (as for the build), CONTENT_DIR (default: content)
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlFilesUnder } from '../src/built-site/files.ts';
import { attr, visitHtml } from '../src/built-site/html-tree.ts';
import type { HtmlNode as Node } from '../src/built-site/html-tree.ts';
import { cspProblems, readPolicy } from './site-check/csp.ts';
import { readPages } from './site-check/pages.ts';
import { checkReferences, checkStylesheets } from './site-check/references.ts';
import type { Site } from './site-check/references.ts';

export interface LinkProblem {
  /** The built file, relative to the working directory: `dist/articles/x/index.html`. */
  file: string;
  /** The page's URL path: `/articles/x/`. */
  page: string;
  /** Where it probably came from: `content/articles/x/annotations.yaml (claim "y")`, a page template, … */
  origin?: string;
  rule: 'broken-link' | 'broken-fragment' | 'broken-idref' | 'duplicate-id' | 'external-rel' | 'csp';
  message: string;
}

export interface CheckOptions {
  /** The base path the site was built for (`BASE_PATH`), e.g. `/` or `/edition/`. */
  base?: string;
  /** The public origin (`SITE_URL`): absolute links to it are checked like relative ones. */
  site?: string;
  /** The content folder, to name the file a problem came from. */
  contentDir?: string;
}

export function checkSite(dist: string, options: CheckOptions = {}): LinkProblem[] {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const contentDir = options.contentDir ?? 'content';
  const root = resolve(dist);
  const display = (path: string) => relative(process.cwd(), path) || '.';
  const csp = readPolicy(join(root, '_headers'));
  const site: Site = { root, base, origin: new URL(options.site ?? 'https://critical-edition.example'), pages: readPages(root, base, display) };

  const problems: LinkProblem[] = [];
  for (const page of site.pages.values()) {
    const report = (node: Node, rule: LinkProblem['rule'], message: string) =>
      problems.push({ file: page.file, page: page.path, origin: originOf(node, page.path, base, contentDir), rule, message });
    for (const [id, node] of page.duplicateIds) {
      report(node, 'duplicate-id', `<${node.tagName} id="${id}">: the id "${id}" is given to more than one element on this page; links and labels reach only the first`);
    }
    checkReferences(site, page, report);
    visitHtml(page.root, (node) => {
      for (const message of cspProblems(node, csp)) report(node, 'csp', message);
    });
  }
  for (const found of checkStylesheets(site, display)) problems.push({ ...found, rule: 'broken-link' });
  return problems;
}

/**
 * The content file (and claim) a node on an article or claim page came from, or the page
 * template. A guess from the markup the pipeline produces (see src/pipeline/README.md).
 */
function originOf(node: Node, pagePath: string, base: string, contentDir: string): string | undefined {
  const inside = pagePath.slice(base.length);
  const article = /^articles\/([^/]+)\/$/.exec(inside);
  const claimPage = /^articles\/([^/]+)\/claims\/([^/]+)\/$/.exec(inside);
  const slug = (article ?? claimPage)?.[1];
  const folder = slug ? `${contentDir}/articles/${slug}` : undefined;
  const content = (file: string, claim?: string) =>
    folder && existsSync(folder) ? `${folder}/${file}${claim ? ` (claim "${claim}")` : ''}` : undefined;

  for (let at: Node | null | undefined = node; at; at = at.parentNode) {
    const classes = new Set((attr(at, 'class') ?? '').split(/\s+/));
    const id = attr(at, 'id') ?? '';
    if (classes.has('note') && id.startsWith('note-')) return content('annotations.yaml', id.slice('note-'.length));
    if (classes.has('editors-notes')) return content('annotations.yaml');
    if (claimPage && classes.has('claim-note')) return content('annotations.yaml', claimPage[2]);
    if (classes.has('source-list') && folder && existsSync(folder)) return `${folder}/annotations.yaml (sources) or ${folder}/article.md (links)`;
    if (classes.has('article-body') || classes.has('claim-context') || id === 'title' || id === 'subtitle') return content('article.md');
  }
  if (claimPage) return 'src/pages/articles/[slug]/claims/[claim].astro';
  if (article) return 'src/pages/articles/[slug]/index.astro';
  return undefined;
}

export function formatProblem(problem: LinkProblem): string {
  return `${problem.file} (${problem.page}): ${problem.message}${problem.origin ? ` — from ${problem.origin}` : ''} [${problem.rule}]`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
  if (!existsSync(dist)) {
    console.error(`${dist}: no such folder; build the site first (npm run build)`);
    process.exit(1);
  }
  const problems = checkSite(dist, { base: process.env.BASE_PATH || undefined, site: process.env.SITE_URL || undefined, contentDir: process.env.CONTENT_DIR || undefined });
  for (const problem of problems) console.log(formatProblem(problem));
  const pages = htmlFilesUnder(resolve(dist)).length;
  console.log(`${problems.length > 0 ? '\n' : ''}${pages} pages checked: ${problems.length === 0 ? 'every link, fragment and id reference resolves' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
