/**
 * npm run test:links — checks a built site before it can ship:
 *
 * - every internal `href`, `src`, `srcset`, `action`, `cite` and CSS `url()` resolves to a file in
 *   the build (absolute URLs on the site's own origin, e.g. canonical links, count as internal);
 * - every fragment (`#claim-…`, `#note-…`, `#source-3`, back-links, `#p-…`) names an id on its page,
 *   and every `aria-describedby` / `aria-labelledby` / `aria-controls` / `for` names one too;
 * - external links carry `rel="noopener noreferrer"`;
 * - nothing needs more than the Content-Security-Policy in `_headers` allows: inline scripts
 *   (other than JSON data blocks) and `<style>` elements only with their hash in the policy, no
 *   `style=` or `on…=` attributes, no `javascript:` URLs.
 *
 * A failure names the page and, where it can, the content file (and claim) it came from.
 *
 *   node scripts/link-check.ts [dist=${DIST_DIR:-dist}]
 *   env: BASE_PATH (as for the build), SITE_URL (as for the build), CONTENT_DIR (default: content)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';

export interface LinkProblem {
  /** The built file, relative to the working directory: `dist/articles/x/index.html`. */
  file: string;
  /** The page's URL path: `/articles/x/`. */
  page: string;
  /** Where it probably came from: `content/articles/x/annotations.yaml (claim "y")`, a page template, … */
  origin?: string;
  rule: 'broken-link' | 'broken-fragment' | 'broken-idref' | 'external-rel' | 'csp';
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

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node; // <template>
  parentNode?: Node | null;
  value?: string; // text
}

interface Page {
  file: string;
  path: string;
  ids: Set<string>;
  root: Node;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
const IDREF_ATTRIBUTES = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'aria-details'];
/** `<script type>` values that are data, not code: CSP does not apply to them. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);
/** `<link rel>` values whose href the browser never fetches as a page or resource we host. */
const SKIPPED_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

export function checkSite(dist: string, options: CheckOptions = {}): LinkProblem[] {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const site = new URL(options.site ?? 'https://critical-edition.example');
  const contentDir = options.contentDir ?? 'content';
  const root = resolve(dist);
  const display = (path: string) => relative(process.cwd(), path) || '.';
  const csp = readPolicy(join(root, '_headers'));

  // 1. Every page, parsed once, with its ids.
  const pages = new Map<string, Page>();
  for (const file of walk(root)) {
    if (!file.endsWith('.html')) continue;
    const rel = relative(root, file).split(sep).join('/');
    const path = base + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
    const tree = parse(readFileSync(file, 'utf8')) as unknown as Node;
    const ids = new Set<string>();
    visit(tree, (node) => {
      const id = attr(node, 'id');
      if (id) ids.add(id);
      if (node.tagName === 'a' && attr(node, 'name')) ids.add(attr(node, 'name')!);
    });
    pages.set(path, { file: display(file), path, ids, root: tree });
  }

  const problems: LinkProblem[] = [];
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return undefined;
    const inside = pathname.slice(base.length);
    const candidates = pathname.endsWith('/') || inside === '' ? [join(inside, 'index.html')] : [inside, join(inside, 'index.html')];
    for (const candidate of candidates) {
      const full = join(root, candidate);
      if (!full.startsWith(root)) return undefined;
      if (existsSync(full) && statSync(full).isFile()) return full;
    }
    return undefined;
  };
  const pageAt = (file: string): Page | undefined => {
    const rel = relative(root, file).split(sep).join('/');
    return pages.get(base + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1')));
  };

  // 2. Every reference on every page.
  for (const page of pages.values()) {
    const pageUrl = new URL(page.path, site);
    const report = (node: Node, rule: LinkProblem['rule'], message: string) =>
      problems.push({ file: page.file, page: page.path, origin: originOf(node, page.path, base, contentDir), rule, message });

    visit(page.root, (node) => {
      const tag = node.tagName;
      if (!tag) return;
      const show = `<${tag} `;

      // Links and resources.
      for (const name of URL_ATTRIBUTES[tag] ?? []) {
        const value = attr(node, name);
        if (value === undefined) continue;
        if (tag === 'link' && (attr(node, 'rel') ?? '').split(/\s+/).some((rel) => SKIPPED_LINK_RELS.has(rel))) continue;
        const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean) : [value];
        for (const raw of urls) {
          const where = `${show}${name}="${raw}">`;
          if (/^\s*javascript:/i.test(raw)) {
            report(node, 'csp', `${where}: javascript: URLs are not allowed`);
            continue;
          }
          let url: URL;
          try {
            url = new URL(raw, pageUrl);
          } catch {
            report(node, 'broken-link', `${where}: not a valid URL`);
            continue;
          }
          if (url.origin !== site.origin) {
            if (tag === 'a' && /^https?:$/.test(url.protocol)) {
              const rel = new Set((attr(node, 'rel') ?? '').toLowerCase().split(/\s+/));
              if (!rel.has('noopener') || !rel.has('noreferrer')) {
                report(node, 'external-rel', `${where}: an external link needs rel="noopener noreferrer"`);
              }
            }
            continue;
          }
          if (tag === 'a' && raw.trim() === '#') {
            report(node, 'broken-fragment', `${where}: a link to "#" goes nowhere`);
            continue;
          }
          let pathname: string;
          try {
            pathname = decodeURIComponent(url.pathname);
          } catch {
            report(node, 'broken-link', `${where}: badly percent-encoded path`);
            continue;
          }
          const target = fileFor(pathname);
          if (!target) {
            report(node, 'broken-link', `${where}: ${pathname} is not in the build`);
            continue;
          }
          const fragment = url.hash.slice(1);
          if (!fragment || !target.endsWith('.html')) continue;
          let id: string;
          try {
            id = decodeURIComponent(fragment);
          } catch {
            id = fragment;
          }
          const targetPage = pageAt(target);
          if (targetPage && !targetPage.ids.has(id) && id !== 'top') {
            const on = targetPage === page ? 'this page' : targetPage.path;
            report(node, 'broken-fragment', `${where}: no element with id "${id}" on ${on}`);
          }
        }
      }

      // References to ids on the same page.
      for (const name of [...IDREF_ATTRIBUTES, ...(tag === 'label' || tag === 'output' ? ['for'] : [])]) {
        const value = attr(node, name);
        if (value === undefined) continue;
        for (const id of value.split(/\s+/).filter(Boolean)) {
          if (!page.ids.has(id)) report(node, 'broken-idref', `<${tag} ${name}="${value}">: no element with id "${id}" on this page`);
        }
      }

      // What the Content-Security-Policy has to allow.
      if (tag === 'script' && attr(node, 'src') === undefined) {
        const type = (attr(node, 'type') ?? '').trim().toLowerCase();
        if (!DATA_SCRIPT_TYPES.has(type)) {
          const hash = sha256(textOf(node));
          if (!csp.allows('script-src', hash)) report(node, 'csp', `inline <script> is blocked by the Content-Security-Policy in _headers: add '${hash}' to script-src or move it to a file`);
        }
      }
      if (tag === 'style') {
        const hash = sha256(textOf(node));
        if (!csp.allows('style-src', hash)) report(node, 'csp', `inline <style> is blocked by the Content-Security-Policy in _headers: add '${hash}' to style-src or move it to a file`);
      }
      if (attr(node, 'style') !== undefined && !csp.allows('style-src-attr', "'unsafe-inline'")) {
        report(node, 'csp', `<${tag} style="…">: style attributes are blocked by the Content-Security-Policy; use a class`);
      }
      for (const a of node.attrs ?? []) {
        if (/^on/i.test(a.name)) report(node, 'csp', `<${tag} ${a.name}="…">: inline event handlers are blocked by the Content-Security-Policy`);
      }
    });
  }

  // 3. CSS: url() references in the built stylesheets.
  for (const file of walk(root)) {
    if (!file.endsWith('.css')) continue;
    const rel = relative(root, file).split(sep).join('/');
    const cssUrl = new URL(base + rel, site);
    const css = readFileSync(file, 'utf8');
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const raw = match[2];
      if (/^(data:|#)/.test(raw)) continue;
      const url = new URL(raw, cssUrl);
      if (url.origin !== site.origin) continue;
      if (!fileFor(decodeURIComponent(url.pathname))) {
        problems.push({ file: display(file), page: base + rel, rule: 'broken-link', message: `url(${raw}): ${url.pathname} is not in the build` });
      }
    }
  }
  return problems;
}

/** The policy for `/*` in `_headers`, as a function that says whether a source is allowed. */
function readPolicy(file: string) {
  const directives = new Map<string, string[]>();
  if (existsSync(file)) {
    let inAll = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      if (!/^\s/.test(line)) {
        inAll = line.trim() === '/*';
        continue;
      }
      const at = line.indexOf(':');
      if (!inAll || line.slice(0, at).trim().toLowerCase() !== 'content-security-policy') continue;
      for (const part of line.slice(at + 1).split(';')) {
        const [name, ...values] = part.trim().split(/\s+/);
        if (name) directives.set(name.toLowerCase(), values);
      }
    }
  }
  const fallback: Record<string, string[]> = {
    'script-src': ['default-src'],
    'style-src': ['default-src'],
    'style-src-attr': ['style-src', 'default-src'],
  };
  return {
    /** No policy at all allows everything; otherwise the directive (or its fallback) must list it. */
    allows(directive: string, source: string): boolean {
      if (directives.size === 0) return true;
      for (const name of [directive, ...(fallback[directive] ?? [])]) {
        const values = directives.get(name);
        if (!values) continue;
        if (source.startsWith("'sha") && values.some((v) => v.startsWith("'sha"))) return values.includes(source);
        return values.includes(source) || values.includes("'unsafe-inline'");
      }
      return true;
    },
  };
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

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function visit(node: Node, fn: (node: Node) => void): void {
  fn(node);
  for (const child of node.childNodes ?? []) visit(child, fn);
  if (node.content) visit(node.content, fn);
}

function attr(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: Node): string {
  return (node.childNodes ?? []).map((child) => child.value ?? '').join('');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
  if (!existsSync(dist)) {
    console.error(`${dist}: no such folder; build the site first (npm run build)`);
    process.exit(1);
  }
  const problems = checkSite(dist, { base: process.env.BASE_PATH || undefined, site: process.env.SITE_URL || undefined, contentDir: process.env.CONTENT_DIR || undefined });
  for (const problem of problems) console.log(formatProblem(problem));
  const pages = [...walk(resolve(dist))].filter((f) => f.endsWith('.html')).length;
  console.log(`${problems.length > 0 ? '\n' : ''}${pages} pages checked: ${problems.length === 0 ? 'every link, fragment and id reference resolves' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
