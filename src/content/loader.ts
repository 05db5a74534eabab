/**
 * The one glue module between content and Astro: a Content Loader that reads
 * each article folder (article.md + annotations.yaml), renders it with our own
 * unified pipeline and stores the result.
 *
 * Why not Astro's glob() loader: its cache is keyed on the Markdown alone, so an
 * edit to annotations.yaml (or to the pipeline) would keep the old page, and it
 * logs plugin errors instead of failing the build (see docs/architecture.md).
 *
 * Articles to (re-)render go through ./render-pool.ts: on a pool of worker threads when there
 * are enough of them, inline otherwise; either way the outcomes come back in folder order, so
 * warnings, errors and the store are the same as rendering one by one here.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ArticleInput } from '../pipeline/render-article.ts';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import type { RenderedArticle } from '../pipeline/types.ts';
import { contentFingerprint } from './fingerprint.ts';
import { renderEach } from './render-pool.ts';
import { settle } from './render-outcome.ts';
import { storedEdition } from './stored-edition.ts';

export interface ArticlesLoaderOptions {
  /** Folder holding one sub-folder per article, relative to the project root. */
  base: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The watchers this loader listens to, each with the context of the latest load() (see load()). */
const latestContext = new WeakMap<object, LoaderContext>();

export function articlesLoader({ base }: ArticlesLoaderOptions): Loader {
  return {
    name: 'articles-loader',
    load: async (context) => {
      const root = resolve(base);
      await loadAll(context, root);
      // The dev server re-renders an article when either of its files changes. Astro may call
      // load() again on the same watcher (a config change, a sync): listen once per watcher, or
      // each edit would render everything once per earlier call.
      const watcher = context.watcher;
      if (!watcher) return;
      const listening = latestContext.has(watcher);
      latestContext.set(watcher, context);
      if (listening) return;
      watcher.add(root);
      watcher.on('all', async (_event, path) => {
        if (path.startsWith(root + sep)) await loadAll(latestContext.get(watcher)!, root);
      });
    },
  };
}

async function loadAll(context: LoaderContext, root: string): Promise<void> {
  const { store, logger, parseData, generateDigest } = context;
  const slugs = existsSync(root)
    ? readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort()
    : [];
  // Problems in folder order: a folder's own, or its article's, each in its place.
  const problems: string[][] = [];
  const seen = new Set<string>();
  const toRender: { input: ArticleInput; digest: string; problems: string[] }[] = [];
  const fingerprint = contentFingerprint();

  for (const slug of slugs) {
    const folder = join(root, slug);
    const articleFile = relative(process.cwd(), join(folder, 'article.md'));
    const annotationsFile = relative(process.cwd(), join(folder, 'annotations.yaml'));
    if (!SLUG.test(slug)) {
      problems.push([`${relative(process.cwd(), folder)}:1:1: error: article folder "${slug}" is not lower-case letters, digits and single hyphens [slug-format]`]);
      continue;
    }
    const missing = [articleFile, annotationsFile].filter((file) => !existsSync(file));
    if (missing.length > 0) {
      problems.push(missing.map((file) => `${file}:1:1: error: file is missing [file-missing]`));
      continue;
    }
    seen.add(slug);
    const articleSource = readFileSync(articleFile, 'utf8');
    const annotationsSource = readFileSync(annotationsFile, 'utf8');
    // Both files and what else decides the stored entry (fingerprint.ts) make the digest, so editing
    // any of them re-renders; the digest is also the cacheKey of the article's pages (src/lib/site.ts).
    const digest = generateDigest(`${fingerprint}\0${articleSource}\0${annotationsSource}`);
    if (store.get(slug)?.digest === digest) continue;
    const itsProblems: string[] = [];
    problems.push(itsProblems);
    toRender.push({ input: { slug, articleFile, articleSource, annotationsFile, annotationsSource }, digest, problems: itsProblems });
  }

  let i = 0;
  const rendering = renderEach(toRender.map((item) => item.input), {
    onInline: (reason) => logger.info(reason),
    onPool: (workers, articles) => logger.info(`rendering ${articles} articles on ${workers} worker threads`),
  });
  for await (const outcome of rendering) {
    const { input, digest, problems: itsProblems } = toRender[i++]!;
    try {
      const edition: RenderedArticle = settle(outcome);
      for (const warning of edition.warnings) logger.warn(formatMessage(warning));
      const data = await parseData({
        id: input.slug,
        filePath: input.articleFile,
        data: { ...edition.frontmatter, edition: storedEdition(edition) },
      });
      store.set({ id: input.slug, data, digest, filePath: input.articleFile });
    } catch (error) {
      if (error instanceof ContentError) itsProblems.push(error.message);
      else throw error;
    }
  }

  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  const messages = problems.flat();
  if (messages.length > 0) {
    // Astro prints only the message, so it carries every file:line:column.
    throw new Error(`Content has errors:\n${messages.join('\n')}`);
  }
}
